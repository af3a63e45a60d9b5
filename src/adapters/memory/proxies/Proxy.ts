import { ErrorCodes } from "../../office/ExcelLike";
import type { MemoryContext } from "../MemoryContext";
import { OfficeError } from "../OfficeError";

/** The property names of a load: "a,b" or ["a", "b"]. */
export function propertyNames(properties?: string | string[]): string[] {
  if (properties === undefined) return [];
  return (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim()).filter(Boolean);
}

/**
 * Base of every proxy: properties can be read only after load() and sync(), as in Office.js; the
 * loaded values reach the proxy only when the response arrives (see MemoryContext.sync).
 */
export abstract class Proxy {
  protected readonly data = new Map<string, unknown>();

  constructor(readonly ctx: MemoryContext) {}

  protected read<T>(name: string): T {
    if (!this.data.has(name)) {
      throw new OfficeError(ErrorCodes.propertyNotLoaded, `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.data.get(name) as T;
  }

  /** Set by the context when a response is delivered. */
  deliver(name: string, value: unknown): void {
    this.data.set(name, value);
  }

  load(properties?: string | string[]): this {
    const names = propertyNames(properties);
    this.ctx.enqueue(names.join(",").length, () => {
      for (const name of names) this.ctx.respond(this, name, this.fetch(name));
    });
    return this;
  }

  /** Queue the null-object check (for *OrNullObject results). */
  protected checkNull(isNull: () => boolean): void {
    this.ctx.enqueue(10, () => this.ctx.respond(this, "isNullObject", isNull()));
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  protected abstract fetch(name: string): unknown;
}
