import fs from "node:fs";
import path from "node:path";
import { Refusal, type Role } from "./messages";

/** Where a path leads: its real path (links resolved), and the file's identity when it exists. */
interface Place {
  real: string;
  id: string | null;
}

/** The system error code of a failed file call ("ENOENT"…), "EIO" when it has none. */
export function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? "EIO";
}

function identity(stat: fs.Stats): string {
  return `${stat.dev}:${stat.ino}`;
}

/** An input's place, or null when it cannot be found (its reader will say so). */
function inputPlace(file: string): Place | null {
  try {
    return { real: fs.realpathSync(file), id: identity(fs.statSync(file)) };
  } catch {
    return null;
  }
}

/**
 * An output's place, after checking that it can be written: not a folder, in a folder that exists
 * and takes new files. An existing output that is a link is followed, so a link to an input is
 * caught as that input.
 */
function outputPlace(output: Role): Place {
  const resolved = path.resolve(output.path);
  let existing: fs.Stats | null = null;
  try {
    existing = fs.statSync(resolved);
  } catch {
    existing = null;
  }
  if (existing?.isDirectory()) throw new Refusal({ code: "output-is-folder", output });
  const folder = path.dirname(resolved);
  /** The folder as the person wrote it, for messages. */
  const shown = path.dirname(output.path);
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch (error) {
    throw new Refusal({ code: errnoOf(error) === "ENOTDIR" ? "folder-not-folder" : "folder-missing", output, folder: shown }, error);
  }
  if (!folderStat.isDirectory()) throw new Refusal({ code: "folder-not-folder", output, folder: shown });
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    throw new Refusal({ code: "folder-not-writable", output, folder: shown, errno: errnoOf(error) }, error);
  }
  if (existing) return { real: fs.realpathSync(resolved), id: identity(existing) };
  return { real: path.join(fs.realpathSync(folder), path.basename(resolved)), id: null };
}

function samePlace(a: Place, b: Place): boolean {
  return a.real === b.real || (a.id !== null && a.id === b.id);
}

/**
 * Refuse, before anything is read, every output that is an input (by real path or file identity:
 * links and hard links included) or another output, and every output whose folder cannot take it.
 */
export function checkPaths(inputs: Role[], outputs: Role[]): void {
  const ins = inputs.map((role) => ({ role, place: inputPlace(role.path) }));
  const outs: { role: Role; place: Place }[] = [];
  for (const role of outputs) {
    const place = outputPlace(role);
    for (const input of ins) {
      if (input.place && samePlace(place, input.place)) throw new Refusal({ code: "path-collision", output: role, input: input.role });
    }
    // Case-insensitive file systems: two names of one new file are the same file there.
    const other = outs.find((o) => samePlace(o.place, place) || (o.place.id === null && place.id === null && o.place.real.toLowerCase() === place.real.toLowerCase()));
    if (other) throw new Refusal({ code: "outputs-collide", first: other.role, second: role });
    outs.push({ role, place });
  }
}

export interface PendingOutput {
  role: Role;
  bytes: Uint8Array | string;
}

function temporaryName(target: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${random}.tmp`);
}

function writeFully(file: string, bytes: Uint8Array | string): void {
  const fd = fs.openSync(file, "wx", 0o644);
  try {
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Write every output or none: each goes to a temporary file in its own folder first; only when all
 * are complete are they renamed into place, so an interrupted run never leaves half a file.
 */
export function commitOutputs(outputs: PendingOutput[]): void {
  const staged: { temp: string; target: string; role: Role }[] = [];
  try {
    for (const output of outputs) {
      const target = path.resolve(output.role.path);
      const temp = temporaryName(target);
      staged.push({ temp, target, role: output.role });
      try {
        writeFully(temp, output.bytes);
      } catch (error) {
        throw new Refusal({ code: "write-failed", output: output.role, errno: errnoOf(error) }, error);
      }
    }
    for (const { temp, target, role } of staged) {
      try {
        fs.renameSync(temp, target);
      } catch (error) {
        throw new Refusal({ code: "write-failed", output: role, errno: errnoOf(error) }, error);
      }
    }
  } finally {
    for (const { temp } of staged) fs.rmSync(temp, { force: true });
  }
}
