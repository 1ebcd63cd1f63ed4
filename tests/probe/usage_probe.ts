/**
 * A client of the generated TypeScript module, written against its format 1 API (c35ff8a).
 *
 * Every export of that API is imported and used the way an SDK would use it, and every value
 * read from it is given the type that API declared. Compiled by tsc under the generated
 * tsconfig's strict flags against newer bindings, it proves their names, signatures and types
 * are unchanged or only widened; run in node, it proves they still behave so. A line changed
 * for a documented widening says so in a comment ("widened in format 2: ...").
 *
 * The bindings are imported from ./bindings/index.ts: copy the probe next to a copy of the
 * module's src/ folder named bindings/.
 */
import {
  AlreadyExistsError,
  ControlUnauthorizedError,
  EndpointNotImplementedError,
  ErrorCode,
  ErrorType,
  HttpStatus,
  InternalError,
  InvalidDataError,
  InvalidRequestError,
  LogicalError,
  NetworkError,
  NotFoundError,
  PurchaseFraudError,
  QonversionError,
  RelationNotFoundError,
  RequestError,
  ResourceError,
  StorageError,
  UnknownError,
  errorCodes,
  fromResponse,
  httpStatusOf,
  httpStatusTitles,
  isErrorCode,
  isErrorType,
  isQonversionError,
  lookup,
  type AnyErrorCode,
  type AnyErrorType,
  type ErrorCodeInfo,
  type ErrorInit,
  type Fault,
  type FieldError,
} from "./bindings/index.ts";

// lib is ES2022 only (no DOM, no @types/node), as in the generated tsconfig.
declare const console: { log(...values: unknown[]): void };
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

function check(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new Error(`usage probe: ${what}`);
  }
}

/** An error's exact class (comparing .constructor directly narrows too eagerly). */
function classOf(value: object): unknown {
  return value.constructor;
}

function never(value: never): never {
  throw new Error(`unhandled: ${String(value)}`);
}

/** The old exports that are values (27, 16 of them classes); the other 6 are types, imported above. */
const OLD_VALUES = [
  "ErrorType",
  "ErrorCode",
  "HttpStatus",
  "errorCodes",
  "httpStatusTitles",
  "QonversionError",
  "RequestError",
  "ResourceError",
  "LogicalError",
  "InternalError",
  "InvalidDataError",
  "InvalidRequestError",
  "ControlUnauthorizedError",
  "EndpointNotImplementedError",
  "NotFoundError",
  "AlreadyExistsError",
  "PurchaseFraudError",
  "RelationNotFoundError",
  "StorageError",
  "NetworkError",
  "UnknownError",
  "isErrorCode",
  "isErrorType",
  "isQonversionError",
  "lookup",
  "httpStatusOf",
  "fromResponse",
] as const;

type ErrorClass = typeof QonversionError;

const typeClasses: readonly ErrorClass[] = [RequestError, ResourceError, LogicalError, InternalError];
const codeClasses: ReadonlyMap<ErrorCode, ErrorClass> = new Map<ErrorCode, ErrorClass>([
  [ErrorCode.InvalidData, InvalidDataError],
  [ErrorCode.InvalidRequest, InvalidRequestError],
  [ErrorCode.ControlUnauthorized, ControlUnauthorizedError],
  [ErrorCode.NotImplemented, EndpointNotImplementedError],
  [ErrorCode.NotFound, NotFoundError],
  [ErrorCode.AlreadyExists, AlreadyExistsError],
  [ErrorCode.PurchaseFraud, PurchaseFraudError],
  [ErrorCode.RelationNotFound, RelationNotFoundError],
  [ErrorCode.StorageError, StorageError],
  [ErrorCode.NetworkError, NetworkError],
  [ErrorCode.UnknownError, UnknownError],
]);
const allClasses: readonly ErrorClass[] = [QonversionError, ...typeClasses, ...codeClasses.values()];

const validationBody =
  '{"error": {"type": "request", "code": "invalid_data", "message": "Bad email"},' +
  ' "_meta": {"reference": "https://example.com/ref",' +
  ' "validation": {"fields": [{"name": "email", "messages": ["is invalid", "is taken"]}]}}}';
const detailsBody = {
  error: {
    type: "resource",
    code: "not_found",
    message: "No such user",
    details: [{ field: "id", message: "unknown" }],
  },
};

// The old signatures, as types a client might type its own seams with.
type ResponseReader = (status: number | undefined, body?: unknown) => QonversionError;
type CodeLookup = (code: string) => ErrorClass | undefined;
type StatusLookup = (status: number) => HttpStatus | undefined;
type ErrorFactory = new (message?: string, init?: ErrorInit) => QonversionError;
type CodeGuard = (value: unknown) => value is ErrorCode;
type TypeGuard = (value: unknown) => value is ErrorType;
type ErrorGuard = (value: unknown) => value is QonversionError;

/** What a client's own logging takes: an error's parts, with the old types. */
interface Loggable {
  readonly message: string;
  readonly status: number | undefined;
  readonly type: AnyErrorType | number | undefined; // widened in format 2: type may be a number
  readonly code: AnyErrorCode | number | undefined; // widened in format 2: code may be a number
  readonly fields: readonly FieldError[];
  readonly reference: string | undefined;
}

async function checkNames(): Promise<void> {
  const module = (await import("./bindings/index.ts")) as Readonly<Record<string, unknown>>;
  const missing = OLD_VALUES.filter((name) => module[name] === undefined);
  check(missing.length === 0, `missing exports: ${missing.join(", ")}`);
}

function checkEnums(): void {
  const types: ErrorType[] = Object.values(ErrorType);
  const request: ErrorType = ErrorType.Request;
  const resource: ErrorType = ErrorType.Resource;
  const logical: ErrorType = ErrorType.Logical;
  const internal: ErrorType = ErrorType.Internal;
  check(
    [request, resource, logical, internal].every((member) => types.includes(member)),
    "ErrorType members",
  );
  const typeText: string = ErrorType.Request;
  check(typeText === "request", "ErrorType values are strings");

  const codes: ErrorCode[] = Object.values(ErrorCode);
  for (const code of codeClasses.keys()) {
    check(codes.includes(code), `ErrorCode.${code}`);
  }
  for (const code of codes) {
    const text: string = code;
    const info: ErrorCodeInfo = errorCodes[code];
    const type: ErrorType = info.type;
    const status: HttpStatus = info.status;
    const message: string = info.message;
    const description: string = info.description;
    const retryable: boolean = info.retryable;
    const fault: Fault = info.fault;
    const docsUrl: string = info.docsUrl;
    check(isErrorCode(text) && isErrorType(type), `${text}: code and type`);
    check(Object.values(HttpStatus).includes(status), `${text}: status`);
    check(message.length > 0 && description.length > 0 && docsUrl.startsWith("https://"), text);
    check(typeof retryable === "boolean" && (fault === "client" || fault === "server"), text);
    check(lookup(code)?.code === code, `${text}: lookup`);
  }
  const entries: [string, ErrorCodeInfo][] = Object.entries(errorCodes);
  const table: Readonly<Record<ErrorCode, ErrorCodeInfo>> = errorCodes;
  const titles: Readonly<Record<HttpStatus, string>> = httpStatusTitles;
  const own: ErrorCodeInfo = {
    type: ErrorType.Logical,
    status: HttpStatus.UnprocessableEntity,
    message: "Payment failed",
    description: "A client's own code, described like the catalogue's.",
    retryable: false,
    fault: "client",
    docsUrl: "https://example.com/payment_failed",
  };
  const anyCode: AnyErrorCode = "payment_failed";
  const anyType: AnyErrorType = "payment";
  check(table[ErrorCode.NotFound] === errorCodes.not_found, "errorCodes as a table");
  check(titles[own.status] === "Unprocessable Entity", "httpStatusTitles as a table");
  check(!isErrorCode(anyCode) && !isErrorType(anyType), "codes and types of newer servers");
  check(entries.length === codes.length, "errorCodes has every code");

  const statuses: Record<HttpStatus, string> = {
    [HttpStatus.Success]: "200",
    [HttpStatus.Created]: "201",
    [HttpStatus.NoContent]: "204",
    [HttpStatus.BadRequest]: "400",
    [HttpStatus.Unauthorized]: "401",
    [HttpStatus.Forbidden]: "403",
    [HttpStatus.NotFound]: "404",
    [HttpStatus.Conflict]: "409",
    [HttpStatus.UnprocessableEntity]: "422",
    [HttpStatus.TooManyRequests]: "429",
    [HttpStatus.ServerErrors]: "5xx",
  };
  for (const status of Object.values(HttpStatus)) {
    const key: string = status;
    const title: string = httpStatusTitles[status];
    check(statuses[status] === key && title.length > 0, `HttpStatus ${key}`);
  }
  const statusOf: StatusLookup = httpStatusOf;
  const found: HttpStatus | undefined = statusOf(404);
  const ranged: HttpStatus | undefined = httpStatusOf(503);
  const nothing: HttpStatus | undefined = httpStatusOf(999);
  check(found === HttpStatus.NotFound && ranged === HttpStatus.ServerErrors, "httpStatusOf");
  check(nothing === undefined, "httpStatusOf an undocumented status");
}

/**
 * An exhaustive switch over the catalogue's codes. It lists today's codes: a switch that was
 * exhaustive stops being so when the catalogue adds codes (catalogue evolution, not a change
 * of the API), so the codes added since format 1 are the last cases.
 */
function describe(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.InvalidData:
      return "fix the request";
    case ErrorCode.InvalidRequest:
      return "fix the URL";
    case ErrorCode.ControlUnauthorized:
      return "log in";
    case ErrorCode.NotImplemented:
      return "use another endpoint";
    case ErrorCode.NotFound:
      return "create it first";
    case ErrorCode.AlreadyExists:
      return "use the existing one";
    case ErrorCode.PurchaseFraud:
      return "call support";
    case ErrorCode.RelationNotFound:
      return "create the relation first";
    case ErrorCode.StorageError:
    case ErrorCode.NetworkError:
    case ErrorCode.UnknownError:
      return "retry later";
    case ErrorCode.InvalidCredentials:
    case ErrorCode.InvalidClientUid:
    case ErrorCode.UnknownClientPlatform:
    case ErrorCode.FeatureNotSupported:
    case ErrorCode.PurchaseInvalid:
    case ErrorCode.ProjectConfigError:
    case ErrorCode.InvalidStoreCredentials:
    case ErrorCode.ReceiptValidationError:
      return "a legacy client error";
    case ErrorCode.StoreError:
    case ErrorCode.BackendError:
      return "a legacy error: retry later";
    default:
      return never(code);
  }
}

/** Everything error.code can be, handled. */
// widened in format 2: code may be a number
function describeAny(code: AnyErrorCode | number | undefined): string {
  if (code === undefined) {
    return "no code";
  }
  if (typeof code === "number") {
    return `a newer numeric code: ${code}`; // widened in format 2: code may be a number
  }
  if (isErrorCode(code)) {
    return describe(code);
  }
  return `a newer code: ${code.toUpperCase()}`;
}

function readClass(cls: ErrorClass): void {
  const code: ErrorCode | undefined = cls.code;
  const type: ErrorType | undefined = cls.type;
  const httpStatus: HttpStatus | undefined = cls.httpStatus;
  const defaultMessage: string = cls.defaultMessage;
  const description: string = cls.description;
  const retryable: boolean | undefined = cls.retryable;
  const fault: Fault | undefined = cls.fault;
  const docsUrl: string | undefined = cls.docsUrl;
  const errorName: string = cls.errorName;
  check(defaultMessage.length > 0 && errorName === cls.name, `${cls.name}: names`);
  if ([...codeClasses.values()].includes(cls)) {
    check(code !== undefined && lookup(code) === cls && type !== undefined, cls.name);
    check(httpStatus !== undefined && retryable !== undefined && docsUrl !== undefined, cls.name);
    const info: ErrorCodeInfo = errorCodes[code];
    check(info.status === httpStatus && info.type === type && info.fault === fault, cls.name);
    check(info.description === description && info.message === defaultMessage, cls.name);
  } else if (typeClasses.includes(cls)) {
    check(code === undefined && type !== undefined && fault !== undefined, cls.name);
  } else {
    check(code === undefined && type === undefined && httpStatus === undefined, cls.name);
    check(retryable === undefined && fault === undefined && docsUrl === undefined, cls.name);
  }
}

interface Seen {
  readonly message: string;
  readonly status: number | undefined;
  readonly type: AnyErrorType | number | undefined; // widened in format 2: type may be a number
  readonly code: AnyErrorCode | number | undefined; // widened in format 2: code may be a number
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly reference: string | undefined;
  readonly body: unknown;
}

function readError(error: QonversionError): Seen {
  const message: string = error.message;
  const name: string = error.name;
  const stack: string | undefined = error.stack;
  const status: number | undefined = error.status;
  const type: AnyErrorType | number | undefined = error.type; // widened in format 2: may be a number
  const code: AnyErrorCode | number | undefined = error.code; // widened in format 2: may be a number
  const fields: readonly FieldError[] = error.fields;
  const reference: string | undefined = error.reference;
  const body: unknown = error.body;
  const text: string = error.toString();
  const loggable: Loggable = error;
  check(text.includes(message) && name === error.constructor.name, `${name}: text`);
  check(stack === undefined || stack.length > 0, `${name}: stack`);
  check(loggable.code === code, `${name}: loggable`);
  const byName: Record<string, readonly string[]> = {};
  for (const field of fields) {
    const fieldName: string = field.name;
    const messages: readonly string[] = field.messages;
    byName[fieldName] = messages;
  }
  return { message, status, type, code, fields: byName, reference, body };
}

const advice: Readonly<Record<string, string>> = {
  invalid_data: "check the form",
  brand_new: "update the app",
};

/** What a client does with error.code and error.type, used directly: when present they were
 * always strings. */
function handle(error: QonversionError): string {
  const cls = error.code === undefined ? undefined : lookup(error.code);
  // widened in format 2: code may be a number, which has no string methods
  if (typeof error.code !== "string") {
    return error.message;
  }
  const hint = advice[error.code] ?? (cls?.retryable === true ? "retry" : "give up");
  // widened in format 2: type may be a number, which has no string methods
  const family = typeof error.type === "string" ? error.type.toUpperCase() : "Unknown";
  return `${error.code.toUpperCase()} (${family}): ${error.message}; ${hint}`;
}

function checkConstruction(): void {
  const factory: ErrorFactory = QonversionError;
  const plain = new factory();
  check(plain.message === "Unknown error" && plain.status === undefined, "new QonversionError()");
  check(plain.fields.length === 0 && plain.code === undefined, "new QonversionError()");
  const field: FieldError = { name: "email", messages: ["is invalid"] };
  const init: ErrorInit = {
    status: 400,
    type: ErrorType.Request,
    code: ErrorCode.InvalidData,
    fields: [field],
    reference: "https://example.com/ref",
    body: { raw: true },
  };
  const full = new QonversionError("Bad email", init);
  const seen = readError(full);
  check(seen.code === ErrorCode.InvalidData && seen.fields["email"]?.[0] === "is invalid", "init");
  const raw = new QonversionError("Later", { type: "future_type", code: "future_code", status: 418 });
  check(readError(raw).code === "future_code" && raw.type === "future_type", "raw code");
  const partial: ErrorInit = { status: undefined, code: undefined };
  check(new QonversionError(undefined, partial).message === "Unknown error", "partial init");
  for (const cls of allClasses) {
    readClass(cls);
    const made: ErrorFactory = cls;
    const byDefault = new made();
    check(byDefault.message === cls.defaultMessage && byDefault.code === cls.code, cls.name);
    check(byDefault.type === cls.type && byDefault instanceof cls, cls.name);
    const given = new cls("Given", { status: 422, code: "other", type: "other", fields: [field] });
    check(readError(given).code === "other" && given.fields[0] === field, cls.name);
    check(isQonversionError(given) && given instanceof QonversionError, cls.name);
  }
}

/** A client's own error, sharing the hierarchy. */
class PaymentError extends QonversionError {
  static override readonly defaultMessage: string = "Payment failed";
  static override readonly fault: Fault | undefined = "client";
  static override readonly errorName: string = "PaymentError";
  readonly order: string;

  constructor(order: string, status?: number) {
    super(`Order ${order} failed`, { status, code: "payment_failed" });
    this.order = order;
  }
}

function checkSubclassing(): void {
  const error = new PaymentError("A1", 402);
  check(readError(error).code === "payment_failed" && error.order === "A1", "PaymentError");
  check(error.name === "PaymentError" && error.status === 402, "PaymentError name");
  try {
    throw error;
  } catch (caught: unknown) {
    check(caught instanceof QonversionError && isQonversionError(caught), "caught");
  }
}

function checkFromResponse(): void {
  const reader: ResponseReader = fromResponse;
  const bytes = new TextEncoder().encode(validationBody);
  const bodies: unknown[] = [validationBody, bytes, bytes.buffer, JSON.parse(validationBody)];
  for (const body of bodies) {
    const error: QonversionError = reader(400, body);
    check(error instanceof InvalidDataError, `InvalidDataError from ${typeof body}`);
    const seen = readError(error);
    check(seen.status === 400 && seen.message === "Bad email", "status and message");
    check(seen.type === ErrorType.Request && seen.code === ErrorCode.InvalidData, "type, code");
    check(seen.fields["email"]?.join() === "is invalid,is taken", "fields");
    check(seen.reference === "https://example.com/ref", "reference");
    check(typeof seen.body === "object" && seen.body !== null, "parsed body");
    check(handle(error) === "INVALID_DATA (REQUEST): Bad email; check the form", "handle");
    if (isErrorCode(error.code)) {
      const info: ErrorCodeInfo = errorCodes[error.code];
      check(info.status === HttpStatus.BadRequest, "errorCodes of a narrowed code");
    }
  }

  const details = fromResponse(404, detailsBody);
  check(details instanceof NotFoundError && details instanceof ResourceError, "NotFoundError");
  check(readError(details).fields["id"]?.[0] === "unknown", "details fields");

  const newer = fromResponse(400, { error: { type: "request", code: "brand_new" } });
  check(classOf(newer) === RequestError && newer.code === "brand_new", "unknown code");
  check(!isErrorCode(newer.code) && isErrorType(newer.type), "unknown code, known type");
  check(describeAny(newer.code) === "a newer code: BRAND_NEW", "describeAny");
  check(handle(newer) === "BRAND_NEW (REQUEST): Unknown error; update the app", "handle newer");
  // widened in format 2: a code the catalogue does not know may arrive as a number
  const numeric = fromResponse(400, { data: { code: 99999, message: "Odd" } });
  check(describeAny(numeric.code) === "a newer numeric code: 99999", "a numeric code");
  check(handle(numeric) === "Odd" && numeric instanceof RequestError, "handle a numeric code");

  const server = fromResponse(503, "Service Unavailable");
  check(classOf(server) === InternalError && server.body === "Service Unavailable", "503");
  check(server.code === undefined && server.status === 503, "503 code and status");

  const bare = fromResponse(404);
  check(classOf(bare) === QonversionError && bare.body === undefined, "no body");
  const nothing = fromResponse(undefined, undefined);
  check(classOf(nothing) === QonversionError && nothing.status === undefined, "nothing");
  const odd = fromResponse(500, [1, 2, 3]);
  check(odd instanceof InternalError && Array.isArray(odd.body), "a list body");

  for (const [code, cls] of codeClasses) {
    const info = errorCodes[code];
    const status = info.status === HttpStatus.ServerErrors ? 500 : Number(info.status);
    const made = fromResponse(status, { error: { code, message: code.toUpperCase() } });
    check(classOf(made) === cls && made.code === code, `${code}: class`);
    check(describeAny(made.code) === describe(code), `${code}: describe`);
    const found: ErrorClass | undefined = lookup(code);
    check(found === cls, `${code}: lookup`);
  }
}

function checkCatching(): void {
  const responses: [number, unknown][] = [
    [422, '{"error": {"code": "purchase_fraud"}}'],
    [401, { error: { code: "control_unauthorized" } }],
    [502, "<html>Bad gateway</html>"],
    [500, { error: { code: "storage_error" } }],
  ];
  const caught: string[] = [];
  for (const [status, body] of responses) {
    try {
      throw fromResponse(status, body);
    } catch (error: unknown) {
      if (error instanceof PurchaseFraudError) {
        check(error instanceof LogicalError && error.code === ErrorCode.PurchaseFraud, "fraud");
        caught.push("fraud");
      } else if (error instanceof RequestError) {
        check(error instanceof ControlUnauthorizedError && error.status === 401, "401");
        caught.push("request");
      } else if (error instanceof StorageError) {
        check(StorageError.retryable === true, "storage errors are retryable");
        caught.push("storage");
      } else if (isQonversionError(error)) {
        check(error instanceof InternalError && error.body === "<html>Bad gateway</html>", "502");
        caught.push("other");
      } else {
        throw error;
      }
    }
  }
  check(caught.join() === "fraud,request,other,storage", caught.join());
}

function checkLookup(): void {
  const finder: CodeLookup = lookup;
  const codeGuard: CodeGuard = isErrorCode;
  const typeGuard: TypeGuard = isErrorType;
  const errorGuard: ErrorGuard = isQonversionError;
  for (const [code, cls] of codeClasses) {
    const byMember: ErrorClass | undefined = finder(code);
    const byText: ErrorClass | undefined = lookup(String(code));
    check(byMember === cls && byText === cls, `lookup ${code}`);
  }
  check(lookup("no_such_code") === undefined, "lookup of an unknown code");
  const cls = lookup(ErrorCode.NotFound);
  check(cls !== undefined, "lookup NotFound");
  const error = new cls("gone", { status: 404 });
  check(error instanceof NotFoundError && error.message === "gone", "a looked-up class");
  check(codeGuard("not_found") && !codeGuard(404) && typeGuard("logical"), "guards");
  check(errorGuard(error) && !errorGuard(new Error("plain")), "isQonversionError");
}

await checkNames();
checkEnums();
checkConstruction();
checkSubclassing();
checkFromResponse();
checkCatching();
checkLookup();
console.log(`usage probe: ${OLD_VALUES.length} values, ${allClasses.length} classes: ok`);
