// For each TypeScript file named, prints the names its top level declares, the names it
// uses that TypeScript's own lib files declare (the globals it relies on), and the members
// of each class it declares, as JSON.
// Usage: node top_level_names.cjs <path of the typescript package> <file>...
const ts = require(process.argv[2]);
const files = process.argv.slice(3);
const program = ts.createProgram(files, {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  types: [],
  noEmit: true,
});
const checker = program.getTypeChecker();
const result = {};
for (const file of files) {
  const source = program.getSourceFile(file);
  const declared = new Set();
  const add = (name) => {
    if (name !== undefined && ts.isIdentifier(name)) declared.add(name.text);
  };
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) add(declaration.name);
    } else if (ts.isImportDeclaration(statement) && statement.importClause !== undefined) {
      const clause = statement.importClause;
      add(clause.name);
      const bindings = clause.namedBindings;
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) add(bindings.name);
      if (bindings !== undefined && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) add(element.name);
      }
    } else {
      add(statement.name);
    }
  }
  const members = {};
  for (const statement of source.statements) {
    if (ts.isClassDeclaration(statement) && statement.name !== undefined) {
      members[statement.name.text] = statement.members
        .filter((member) => member.name !== undefined && ts.isIdentifier(member.name))
        .map((member) => member.name.text)
        .sort();
    }
  }
  const globals = new Set();
  const visit = (node) => {
    const isMemberName =
      node.parent !== undefined &&
      (ts.isPropertyAccessExpression(node.parent) || ts.isQualifiedName(node.parent)) &&
      node.parent.name === node;
    if (ts.isIdentifier(node) && !isMemberName) {
      const symbol = checker.getSymbolAtLocation(node);
      const declarations = (symbol && symbol.declarations) || [];
      const fromLib = (d) => program.isSourceFileDefaultLibrary(d.getSourceFile());
      if (declarations.length > 0 && declarations.every(fromLib)) globals.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  result[file] = { declared: [...declared].sort(), globals: [...globals].sort(), members };
}
console.log(JSON.stringify(result));
