/** A part that is not well-formed XML. */
export class XmlSyntaxError extends Error {
  constructor(readonly part: string, readonly detail: string) {
    super(`${part}: ${detail}`);
  }
}
