/**
 * A client of the module generated from tests/cases/lifecycle, using everything its catalogue
 * deprecates and the live things beside them. tests/typescript/lifecycle.mjs asks TypeScript's
 * language service what an editor shows: each line marked `// deprecated` must be flagged as a
 * use of something deprecated (6385, or 6387 for a signature), and no other line. Completions
 * where a `complete` comment is must mark deprecated members so: TypeScript never flags an
 * object literal's member, whatever its contextual type says.
 *
 * The module is imported from ./index.js: the sources beside it, or the declarations tsc emits.
 */
import {
  AcmeError,
  BadDataError, // deprecated
  ErrorCode,
  ErrorType,
  GoneAwayError, // deprecated
  InternalError,
  InvalidDataError,
  InvalidRequestError, // deprecated
  LegacyError, // deprecated
  NotFoundError,
  RequestError,
  UnauthorizedError, // deprecated
  WrongDataError, // deprecated
  errorCodes,
  fromResponse,
  tombstone,
  type ErrorCodeInfo,
  type Extras,
  type Tombstone,
} from "./index.js";

const error: AcmeError = fromResponse(400, '{"error": {"code": "invalid_request"}}');

export const codes: readonly ErrorCode[] = [
  ErrorCode.InvalidRequest, // deprecated
  ErrorCode.GoneAway, // deprecated
  ErrorCode.InvalidData,
  ErrorCode.NotFound,
];
export const types: readonly ErrorType[] = [
  ErrorType.Legacy, // deprecated
  ErrorType.Request,
];
export const infos: readonly ErrorCodeInfo[] = [
  errorCodes.invalid_request, // deprecated
  errorCodes["gone_away"], // deprecated
  errorCodes.invalid_data,
  errorCodes[ErrorCode.NotFound],
];

export const made: readonly AcmeError[] = [
  new InvalidRequestError(), // deprecated
  new GoneAwayError("Gone"), // deprecated
  new UnauthorizedError(), // deprecated
  new BadDataError(), // deprecated
  new WrongDataError("Wrong"), // deprecated
  new InvalidDataError("Wrong", { extras: { /*complete*/ } }),
  new NotFoundError(),
  new InternalError(),
];

export function said(found: AcmeError): string | undefined {
  if (found instanceof LegacyError) { // deprecated
    return found.deprecated;
  }
  if (found instanceof UnauthorizedError) { // deprecated
    return found.deprecated;
  }
  if (found instanceof BadDataError) { // deprecated
    const renamed: BadDataError = found; // deprecated
    return renamed.fieldPath; // deprecated
  }
  if (found instanceof InvalidDataError) {
    return found.hint;
  }
  if (found instanceof RequestError) {
    return found.replacedBy;
  }
  return found.removed ? tombstone(String(found.rawCode))?.note : undefined;
}

export const renamed: WrongDataError | undefined = undefined; // deprecated
export const statics: readonly (string | undefined)[] = [
  InvalidRequestError.replacedBy, // deprecated
  InvalidDataError.deprecated,
  AcmeError.deprecated,
  error.deprecated,
  error.replacedBy,
];
export const extras: Extras = { hint: "Look", field_path: "$.name" };
export const gone: Tombstone | undefined = tombstone("receipt_invalid");
