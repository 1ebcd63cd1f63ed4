// What TypeScript and node make of a module generated from tests/cases/lifecycle, printed as
// JSON for tests/test_typescript_target.py to judge. In one process, for each folder named (a
// generated package, with responses.json: [{status, body, media_type, headers}]):
//   1. the language service over its sources and the probe (copied to src/probe.ts) under the
//      package's own tsconfig.json: every error, the probe's deprecation suggestions by line,
//      and its completions at each `/*complete*/`;
//   2. what tsc -p would emit (JavaScript and declarations, into dist/esm), and step 1 again
//      over those declarations with the probe beside them: what users of the package see;
//   3. the emitted module run: what it makes of each response, of the removed codes, and of
//      every class it exports.
// Usage: node lifecycle.mjs <typescript package folder> <probe.ts> <folder>...
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ts = createRequire(import.meta.url)(process.argv[2]);
const probeSource = process.argv[3];
const registry = ts.createDocumentRegistry(); // the lib files, parsed once for every service
const MARKER = "/*complete*/";
const DEPRECATED = new Set([6385, 6387]); // "'{0}' is deprecated.", "The signature ... is"

function service(files, options, directory) {
  return ts.createLanguageService(
    {
      getScriptFileNames: () => files,
      getScriptVersion: () => "1",
      getScriptSnapshot: (file) =>
        ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file)) : undefined,
      getCurrentDirectory: () => directory,
      getCompilationSettings: () => options,
      getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    },
    registry,
  );
}

function examine(languageService, probe) {
  const program = languageService.getProgram();
  const say = (found) =>
    `${found.file ? `${path.basename(found.file.fileName)}: ` : ""}` +
    ts.flattenDiagnosticMessageText(found.messageText, "\n");
  const own = program.getSourceFiles().filter((file) => !program.isSourceFileDefaultLibrary(file));
  const errors = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...own.flatMap((file) => [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
      ...program.getDeclarationDiagnostics(file),
    ]),
  ].map(say);
  const source = program.getSourceFile(probe);
  const line = (position) => source.getLineAndCharacterOfPosition(position).line + 1;
  const flagged = languageService
    .getSuggestionDiagnostics(probe)
    .filter((found) => DEPRECATED.has(found.code))
    .map((found) => [line(found.start), found.code, say(found)]);
  const completions = [];
  for (let at = source.text.indexOf(MARKER); at >= 0; at = source.text.indexOf(MARKER, at + 1)) {
    const entries = languageService.getCompletionsAtPosition(probe, at, {})?.entries ?? [];
    completions.push([line(at), entries.map((entry) => [entry.name, entry.kindModifiers ?? ""])]);
  }
  const files = own.map((file) => path.basename(file.fileName)).sort();
  return { files, errors, flagged, completions };
}

const clean = (value) => (value === undefined ? null : value);

async function run(errors, responses) {
  const base = Object.values(errors).find((value) => Object.getPrototypeOf(value) === Error);
  const read = responses.map((response) => {
    const headers = { ...response.headers };
    if (response.media_type) headers["Content-Type"] = response.media_type;
    const error = errors.fromResponse(response.status, response.body, headers);
    const back = errors.fromJSON(JSON.parse(JSON.stringify(error)));
    const { removed: _, ...older } = error.toJSON(); // data of a binding without `removed`
    return {
      class: error.constructor.name,
      code: clean(error.code),
      raw_code: clean(error.rawCode),
      type: clean(error.type),
      message: error.message,
      removed: error.removed,
      retryable: error.retryable,
      data_removed: error.toJSON().removed,
      back: [back.constructor.name, back.removed],
      older: errors.fromJSON(older).removed,
    };
  });
  const classes = {};
  for (const [name, value] of Object.entries(errors)) {
    if (typeof value === "function" && (value === base || value.prototype instanceof base)) {
      const error = new value();
      classes[name] = {
        class: value.name,
        deprecated: clean(value.deprecated),
        replaced_by: clean(value.replacedBy),
        instance: [clean(error.deprecated), clean(error.replacedBy), error.removed],
      };
    }
  }
  const asked = [
    "receipt_invalid", 10002, "10002", "quota_exceeded", "QuotaError", "invalid_data", 10004,
  ];
  return {
    read,
    classes,
    tombstones: asked.map((code) => {
      const found = errors.tombstone(code);
      // Each member, undefined ones too (JSON would leave those out).
      const members = Object.entries(found ?? {}).map(([key, value]) => [key, clean(value)]);
      return [code, found && Object.fromEntries(members)];
    }),
    lookups: asked.map((code) => [code, clean(errors.lookup(code)?.name)]),
  };
}

const report = {};
for (const folder of process.argv.slice(4)) {
  const read = ts.readConfigFile(path.join(folder, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, folder);
  const sources = ["index.ts", "runtime.ts"].map((name) => path.join(folder, "src", name));
  const probe = path.join(folder, "src", "probe.ts");
  copyFileSync(probeSource, probe);
  const fromSources = service([...sources, probe], options, folder);
  const found = { options, sources: examine(fromSources, probe) };
  for (const file of sources) {
    for (const output of fromSources.getEmitOutput(file).outputFiles) {
      mkdirSync(path.dirname(output.name), { recursive: true });
      writeFileSync(output.name, output.text);
    }
  }
  const dist = path.join(folder, "dist", "esm");
  copyFileSync(probeSource, path.join(dist, "probe.ts"));
  const names = ["index.d.ts", "runtime.d.ts", "probe.ts"];
  const declarations = names.map((name) => path.join(dist, name));
  const published = { ...options, rootDir: dist, outDir: undefined, declaration: false };
  found.declarations = examine(service(declarations, published, folder), declarations[2]);
  const responses = JSON.parse(readFileSync(path.join(folder, "responses.json"), "utf8"));
  found.run = await run(await import(pathToFileURL(path.join(dist, "index.js")).href), responses);
  report[folder] = found;
}
console.log(JSON.stringify(report));
