/**
 * Which members of the Excel JavaScript API a source file uses, the ExcelApi set each needs (its
 * `[Api set: ExcelApi x.y]` tag in @types/office-js) and the set an `isSetSupported` check around
 * the use guarantees. Walks the files with the TypeScript compiler API; members the add-in reaches
 * through its views (src/adapters/office/ExcelLike.ts) are traced back to the Office.js type each
 * view is proved against in `_OfficeFits`.
 */
import path from "node:path";
import ts from "typescript";

export interface ApiUse {
  /** "Excel.Range.getMergedAreasOrNullObject". */
  member: string;
  /** "1.13"; "1.1" when the typings give no ExcelApi tag. */
  needs: string;
  /** The set guaranteed where it is used (by an isSetSupported/supports check), or null. */
  guardedBy: string | null;
  where: string;
}

const TYPINGS = `${path.sep}@types${path.sep}office-js${path.sep}`;
const API_SET = /\[Api set: ExcelApi (\d+\.\d+)\]/;

export function versionNumber(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + (minor ?? 0);
}

function fromTypings(decl: ts.Declaration): boolean {
  return path.normalize(decl.getSourceFile().fileName).includes(TYPINGS) || decl.getSourceFile().fileName.includes("/@types/office-js/");
}

function apiSetOf(decl: ts.Declaration): string {
  return API_SET.exec(decl.getFullText())?.[1] ?? "1.1";
}

/** "Excel.Range.values": the member's name under its class, interface and namespaces. */
function qualifiedName(decl: ts.Declaration, name: string): string {
  const parts = [name];
  for (let p: ts.Node | undefined = decl.parent; p; p = p.parent) {
    if ((ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isModuleDeclaration(p)) && p.name) parts.unshift(p.name.getText());
  }
  return parts.join(".");
}

/** View interface name → the Office.js type it is proved against (Fits<Real, View> in ExcelLike.ts). */
function viewTypes(program: ts.Program, checker: ts.TypeChecker): Map<string, ts.Type> {
  const views = new Map<string, ts.Type>();
  const file = program.getSourceFiles().find((f) => f.fileName.endsWith("adapters/office/ExcelLike.ts"));
  file?.forEachChild(function visit(node): void {
    if (ts.isTypeReferenceNode(node) && node.typeName.getText() === "Fits" && node.typeArguments?.length === 2) {
      views.set(node.typeArguments[1].getText(), checker.getTypeFromTypeNode(node.typeArguments[0]));
    }
    node.forEachChild(visit);
  });
  return views;
}

/** The Office.js type a member declared in a view stands for (a view interface, or a type literal nested in one). */
function realContainer(node: ts.Node, views: Map<string, ts.Type>, checker: ts.TypeChecker): ts.Type | undefined {
  const parent = node.parent;
  if (ts.isInterfaceDeclaration(parent)) return views.get(parent.name.text);
  if (ts.isTypeLiteralNode(parent) && ts.isPropertySignature(parent.parent)) {
    const outer = realContainer(parent.parent, views, checker);
    const property = outer && checker.getPropertyOfType(outer, parent.parent.name.getText());
    return property && checker.getTypeOfSymbol(property);
  }
  return undefined;
}

/** The typings' declarations a used symbol stands for. */
function officeDeclarations(symbol: ts.Symbol | undefined, views: Map<string, ts.Type>, checker: ts.TypeChecker): ts.Declaration[] {
  const out: ts.Declaration[] = [];
  for (const decl of symbol?.declarations ?? []) {
    if (fromTypings(decl)) out.push(decl);
    else if (decl.getSourceFile().fileName.endsWith("adapters/office/ExcelLike.ts")) {
      const real = realContainer(decl, views, checker);
      const property = real && checker.getPropertyOfType(real, symbol!.name);
      for (const d of property?.declarations ?? []) if (fromTypings(d)) out.push(d);
    }
  }
  return out;
}

/**
 * The version a condition guarantees: an isSetSupported("ExcelApi", "x.y") or supports("x.y") call,
 * or a variable set from one; not under a negation or an `||`.
 */
function guaranteedBy(condition: ts.Node, checker: ts.TypeChecker, depth = 0): string | null {
  let best: string | null = null;
  const visit = (node: ts.Node): void => {
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) return;
    let found: string | null = null;
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText().split(".").pop();
      const version = node.arguments.map((a) => (ts.isStringLiteral(a) ? a.text : "")).find((t) => /^\d+\.\d+$/.test(t));
      if ((callee === "isSetSupported" || callee === "supports") && version) found = version;
    } else if (ts.isIdentifier(node) && depth < 2) {
      const decl = checker.getSymbolAtLocation(node)?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) found = guaranteedBy(decl.initializer, checker, depth + 1);
    }
    if (found && (best === null || versionNumber(found) > versionNumber(best))) best = found;
    node.forEachChild(visit);
  };
  visit(condition);
  return best;
}

/** The highest set guaranteed by the branches around a node (then-branch, true side, right of &&). */
function guardOf(node: ts.Node, checker: ts.TypeChecker): string | null {
  let best: string | null = null;
  for (let child: ts.Node = node, p = node.parent; p; child = p, p = p.parent) {
    let condition: ts.Node | undefined;
    if (ts.isIfStatement(p) && p.thenStatement === child) condition = p.expression;
    else if (ts.isConditionalExpression(p) && p.whenTrue === child) condition = p.condition;
    else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.right === child) condition = p.left;
    const found = condition ? guaranteedBy(condition, checker) : null;
    if (found && (best === null || versionNumber(found) > versionNumber(best))) best = found;
  }
  return best;
}

/** Every Excel API member used in `files` (absolute paths), with the set it needs and the guard around it. */
export function apiSetUsage(files: string[], tsconfig: string): ApiUse[] {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`cannot read ${tsconfig}`);
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const views = viewTypes(program, checker);
  const uses: ApiUse[] = [];
  const record = (node: ts.Node, decls: ts.Declaration[], name: string) => {
    for (const decl of decls) {
      const where = `${path.relative(path.dirname(tsconfig), node.getSourceFile().fileName)}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      uses.push({ member: qualifiedName(decl, name), needs: apiSetOf(decl), guardedBy: guardOf(node, checker), where });
    }
  };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    source.forEachChild(function visit(node): void {
      if (ts.isPropertyAccessExpression(node)) {
        record(node.name, officeDeclarations(checker.getSymbolAtLocation(node.name), views, checker), node.name.text);
      } else if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
        const contextual = checker.getContextualType(node.parent);
        const property = contextual && checker.getPropertyOfType(contextual, node.name.getText());
        record(node.name, officeDeclarations(property, views, checker), node.name.getText());
      }
      node.forEachChild(visit);
    });
  }
  return uses;
}
