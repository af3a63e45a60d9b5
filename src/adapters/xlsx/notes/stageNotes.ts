import { addRelationships, isType, parseRelationships, relativeTarget, relsPartOf, resolveTarget } from "../package/relationships";
import type { NoteChange } from "../sheet/patchSheet";
import type { Staging } from "../Staging";
import { patchComments } from "./patchComments";
import { newVml, patchVml } from "./patchVml";
import { CONTENT_TYPE } from "../package/contentTypes";

/**
 * Stage the note parts of one sheet: its comments part and VML drawing are patched, or created (with
 * their relationships) when the sheet has none; new parts are written straight, without reading them
 * back. Returns the id of a new VML relationship, which the sheet must name in `<legacyDrawing>`, or
 * null. XML errors propagate (the caller refuses).
 */
export async function stageNotes(staging: Staging, sheetPart: string, legacyDrawing: string | null, changes: NoteChange[], base: string): Promise<string | null> {
  const relsPart = relsPartOf(sheetPart);
  const relsXml = await staging.text(relsPart);
  const rels = relsXml === null ? [] : parseRelationships(relsXml, relsPart);
  const commentsRel = rels.find((r) => isType(r, "comments"));
  const vmlRel = legacyDrawing ? rels.find((r) => r.id === legacyDrawing) : undefined;
  if (!commentsRel && changes.every((c) => c.text === null)) return null;
  const added: { type: string; target: string }[] = [];
  let commentsPart: string;
  if (commentsRel) commentsPart = resolveTarget(sheetPart, commentsRel.target);
  else {
    commentsPart = staging.freeName("xl/comments", ".xml");
    added.push({ type: `${base}/comments`, target: relativeTarget(sheetPart, commentsPart) });
    staging.contentType(null, [commentsPart, CONTENT_TYPE.comments]);
  }
  let vmlPart: string;
  if (vmlRel) vmlPart = resolveTarget(sheetPart, vmlRel.target);
  else {
    vmlPart = staging.freeName("xl/drawings/vmlDrawing", ".vml");
    added.push({ type: `${base}/vmlDrawing`, target: relativeTarget(sheetPart, vmlPart) });
    staging.contentType(["vml", CONTENT_TYPE.vml], null);
  }
  const withNew = addRelationships(relsXml, relsPart, added);
  staging.set(commentsPart, patchComments(await staging.text(commentsPart), commentsPart, changes));
  const vml = await staging.text(vmlPart);
  staging.set(vmlPart, vml === null ? newVml(staging.nextVmlBlock(), changes) : patchVml(vml, vmlPart, changes));
  staging.set(relsPart, withNew.xml);
  return vmlRel ? null : withNew.ids[withNew.ids.length - 1];
}
