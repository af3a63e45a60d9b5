import { addRelationship, emptyRelationships, isType, parseRelationships, relativeTarget, relsPartOf, resolveTarget } from "../package/relationships";
import type { NoteChange } from "../sheet/patchSheet";
import type { Staging } from "../Staging";
import { patchComments } from "./patchComments";
import { newVml, patchVml } from "./patchVml";
import { CONTENT_TYPE } from "../package/contentTypes";

/**
 * Stage the note parts of one sheet: its comments part and VML drawing are patched, or created (with
 * their relationships) when the sheet has none. Returns the id of a new VML relationship, which the
 * sheet must name in `<legacyDrawing>`, or null. XML errors propagate (the caller refuses).
 */
export async function stageNotes(staging: Staging, sheetPart: string, legacyDrawing: string | null, changes: NoteChange[], base: string): Promise<string | null> {
  const relsPart = relsPartOf(sheetPart);
  let relsXml = (await staging.text(relsPart)) ?? emptyRelationships();
  const rels = parseRelationships(relsXml, relsPart);
  const commentsRel = rels.find((r) => isType(r, "comments"));
  const vmlRel = legacyDrawing ? rels.find((r) => r.id === legacyDrawing) : undefined;
  if (!commentsRel && changes.every((c) => c.text === null)) return null;
  let newVmlId: string | null = null;
  let commentsPart: string;
  if (commentsRel) commentsPart = resolveTarget(sheetPart, commentsRel.target);
  else {
    commentsPart = staging.freeName("xl/comments", ".xml");
    relsXml = addRelationship(relsXml, relsPart, `${base}/comments`, relativeTarget(sheetPart, commentsPart)).xml;
    staging.contentType(null, [commentsPart, CONTENT_TYPE.comments]);
  }
  let vmlPart: string;
  if (vmlRel) vmlPart = resolveTarget(sheetPart, vmlRel.target);
  else {
    vmlPart = staging.freeName("xl/drawings/vmlDrawing", ".vml");
    const added = addRelationship(relsXml, relsPart, `${base}/vmlDrawing`, relativeTarget(sheetPart, vmlPart));
    relsXml = added.xml;
    newVmlId = added.id;
    staging.contentType(["vml", CONTENT_TYPE.vml], null);
  }
  const comments = await staging.text(commentsPart);
  staging.set(commentsPart, patchComments(comments, commentsPart, changes));
  const vml = (await staging.text(vmlPart)) ?? newVml(staging.nextVmlBlock());
  staging.set(vmlPart, patchVml(vml, vmlPart, changes));
  staging.set(relsPart, relsXml);
  return newVmlId;
}
