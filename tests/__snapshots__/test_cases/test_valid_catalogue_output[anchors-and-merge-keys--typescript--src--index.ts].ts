// Generated from catalogue.yaml by error-bindings. Do not edit.
/**
 * Acme API errors, as classes.
 *
 * Catch them by type (`instanceof RequestError`) or by code, and build one from any HTTP
 * response with `fromResponse(status, body)`. Codes a newer server sends that this module
 * does not know yet still give an error object, with the raw code, type, message and body.
 */
import { choose, read, statusEntry, type Envelope } from "./runtime.ts";

/** The broad families error codes belong to. */
export enum ErrorType {
  /** The resource is wrong. */
  Resource = "resource",
  /** The server is wrong. */
  Internal = "internal",
}

/** Every error code the API documents. */
export enum ErrorCode {
  /** The thing is not there. */
  NotFound = "not_found",
  /** The thing was there once. */
  Gone = "gone",
  /** Saving failed. */
  StorageError = "storage_error",
}

/** The HTTP statuses the API documents: a status, or a range such as 5xx. */
export enum HttpStatus {
  /** Not Found: Nothing is there. */
  NotFound = "404",
  /** Server Errors: Something broke. */
  ServerErrors = "5xx",
}

/** An error code, including ones from servers newer than this module. */
export type AnyErrorCode = ErrorCode | (string & {});
/** An error type, including ones from servers newer than this module. */
export type AnyErrorType = ErrorType | (string & {});
/** Whose fault an error is. */
export type Fault = "client" | "server";

/** What the catalogue says of an error code. */
export interface ErrorCodeInfo {
  readonly type: ErrorType;
  readonly status: HttpStatus;
  readonly message: string;
  readonly description: string;
  readonly retryable: boolean;
  readonly fault: Fault;
  readonly docsUrl: string;
}

/** Metadata of every error code, keyed by code. */
export const errorCodes: Readonly<Record<ErrorCode, ErrorCodeInfo>> = {
  "not_found": {
    type: "resource" as ErrorType,
    status: "404" as HttpStatus,
    message: "Not found",
    description: "The thing is not there.",
    retryable: false,
    fault: "client",
    docsUrl: "https://acme.example/docs/#not_found",
  },
  "gone": {
    type: "resource" as ErrorType,
    status: "404" as HttpStatus,
    message: "Gone",
    description: "The thing was there once.",
    retryable: false,
    fault: "client",
    docsUrl: "https://acme.example/docs/#gone",
  },
  "storage_error": {
    type: "internal" as ErrorType,
    status: "5xx" as HttpStatus,
    message: "Not saved",
    description: "Saving failed.",
    retryable: true,
    fault: "server",
    docsUrl: "https://acme.example/docs/#storage_error",
  },
};

/** Titles of the HTTP statuses, keyed by status. */
export const httpStatusTitles: Readonly<Record<HttpStatus, string>> = {
  "404": "Not Found",
  "5xx": "Server Errors",
};

/** What the server said about one field of the request. */
export interface FieldError {
  readonly name: string;
  readonly messages: readonly string[];
}

/** What an error holds besides its message; every part is optional. */
export interface ErrorInit {
  readonly status?: number | undefined;
  readonly type?: AnyErrorType | undefined;
  readonly code?: AnyErrorCode | undefined;
  readonly fields?: readonly FieldError[] | undefined;
  readonly reference?: string | undefined;
  readonly body?: unknown;
}

// Shared through the global symbol registry, so two copies of this module recognise each
// other's errors where instanceof cannot.
const BRAND = Symbol.for("@acme/errors/AcmeError");

/** An error response from Acme API. */
export class AcmeError extends Error {
  /** The code this class stands for, if it stands for one. */
  static readonly code: ErrorCode | undefined = undefined;
  /** The type this class stands for, if it stands for one. */
  static readonly type: ErrorType | undefined = undefined;
  /** The status the code comes with (a status or a range such as 5xx). */
  static readonly httpStatus: HttpStatus | undefined = undefined;
  static readonly defaultMessage: string = "Unknown error";
  static readonly description: string = "";
  static readonly retryable: boolean | undefined = undefined;
  static readonly fault: Fault | undefined = undefined;
  static readonly docsUrl: string | undefined = undefined;
  static readonly errorName: string = "AcmeError";

  /** The HTTP status of the response. */
  readonly status: number | undefined;
  /** The error type: an ErrorType when known, the raw string otherwise. */
  readonly type: AnyErrorType | undefined;
  /** The error code: an ErrorCode when known, the raw string otherwise. */
  readonly code: AnyErrorCode | undefined;
  /** Field errors, from either envelope. */
  readonly fields: readonly FieldError[];
  /** The documentation link the server sent. */
  readonly reference: string | undefined;
  /** The body the server sent: parsed JSON when it parsed, raw otherwise. */
  readonly body: unknown;

  constructor(message?: string, init: ErrorInit = {}) {
    const cls = new.target as typeof AcmeError;
    super(message ?? cls.defaultMessage);
    this.name = cls.errorName;
    this.status = init.status;
    this.type = init.type ?? cls.type;
    this.code = init.code ?? cls.code;
    this.fields = init.fields ?? [];
    this.reference = init.reference;
    this.body = init.body;
    Object.defineProperty(this, BRAND, { value: true });
  }

  override toString(): string {
    const text = this.code === undefined ? this.message : `${this.code}: ${this.message}`;
    return this.status === undefined ? text : `${text} (HTTP ${this.status})`;
  }
}

/** The resource is wrong. */
export class ResourceError extends AcmeError {
  static override readonly type: ErrorType | undefined = "resource" as ErrorType;
  static override readonly description: string = "The resource is wrong.";
  static override readonly fault: Fault | undefined = "client";
  static override readonly errorName: string = "ResourceError";
}

/** The server is wrong. */
export class InternalError extends AcmeError {
  static override readonly type: ErrorType | undefined = "internal" as ErrorType;
  static override readonly description: string = "The server is wrong.";
  static override readonly fault: Fault | undefined = "server";
  static override readonly errorName: string = "InternalError";
}

/** The thing is not there. */
export class NotFoundError extends ResourceError {
  static override readonly code: ErrorCode | undefined = "not_found" as ErrorCode;
  static override readonly httpStatus: HttpStatus | undefined = "404" as HttpStatus;
  static override readonly defaultMessage: string = "Not found";
  static override readonly description: string = "The thing is not there.";
  static override readonly retryable: boolean | undefined = false;
  static override readonly docsUrl: string | undefined = "https://acme.example/docs/#not_found";
  static override readonly errorName: string = "NotFoundError";
}

/** The thing was there once. */
export class GoneError extends ResourceError {
  static override readonly code: ErrorCode | undefined = "gone" as ErrorCode;
  static override readonly httpStatus: HttpStatus | undefined = "404" as HttpStatus;
  static override readonly defaultMessage: string = "Gone";
  static override readonly description: string = "The thing was there once.";
  static override readonly retryable: boolean | undefined = false;
  static override readonly docsUrl: string | undefined = "https://acme.example/docs/#gone";
  static override readonly errorName: string = "GoneError";
}

/** Saving failed. */
export class StorageError extends InternalError {
  static override readonly code: ErrorCode | undefined = "storage_error" as ErrorCode;
  static override readonly httpStatus: HttpStatus | undefined = "5xx" as HttpStatus;
  static override readonly defaultMessage: string = "Not saved";
  static override readonly description: string = "Saving failed.";
  static override readonly retryable: boolean | undefined = true;
  static override readonly docsUrl: string | undefined = "https://acme.example/docs/#storage_error";
  static override readonly errorName: string = "StorageError";
}

type ErrorClass = typeof AcmeError;

const byCode: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<string, ErrorClass>([
  ["not_found", NotFoundError],
  ["gone", GoneError],
  ["storage_error", StorageError],
]);

const byType: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<string, ErrorClass>([
  ["resource", ResourceError],
  ["internal", InternalError],
]);

// For a status whose documented codes all share one type; ranges are keyed like "5xx".
const byStatus: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<string, ErrorClass>([
  ["404", ResourceError],
  ["5xx", InternalError],
]);

const envelopes: readonly Envelope[] = [
  {
    type: "error.type",
    code: "error.code",
    message: "error.message",
    reference: undefined,
    fields: [
    ],
  },
];

const knownCodes: ReadonlySet<string> = /* @__PURE__ */ new Set<string>(
  /* @__PURE__ */ Object.values(ErrorCode),
);
const knownTypes: ReadonlySet<string> = /* @__PURE__ */ new Set<string>(
  /* @__PURE__ */ Object.values(ErrorType),
);

/** Whether value is an error code this module knows. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && knownCodes.has(value);
}

/** Whether value is an error type this module knows. */
export function isErrorType(value: unknown): value is ErrorType {
  return typeof value === "string" && knownTypes.has(value);
}

/** Whether value is an error of this API, also one made by another copy of this module. */
export function isAcmeError(value: unknown): value is AcmeError {
  return (
    value instanceof AcmeError ||
    (typeof value === "object" &&
      value !== null &&
      (value as { readonly [BRAND]?: unknown })[BRAND] === true)
  );
}

/** The class of an error code, or undefined for a code this module does not know. */
export function lookup(code: string): ErrorClass | undefined {
  return byCode.get(code);
}

/** The entry for a numeric status: the exact one, else the range holding it. */
export function httpStatusOf(status: number): HttpStatus | undefined {
  return statusEntry(status, Object.values(HttpStatus) as HttpStatus[]);
}

function build(status: number | undefined, body: unknown): AcmeError {
  const parsed = read(body, envelopes);
  const httpStatus = status === undefined ? undefined : httpStatusOf(status);
  const cls = choose(parsed, httpStatus, byCode, byType, byStatus, AcmeError);
  return new cls(parsed.message, {
    status,
    type: parsed.type,
    code: parsed.code,
    fields: parsed.fields,
    reference: parsed.reference,
    body: parsed.body,
  });
}

/**
 * The error for a response: its status and its body (text, bytes, parsed JSON or nothing).
 *
 * Never throws: whatever the body holds, the result is an error object keeping the raw code,
 * type, message and body. The class is the code's, else the type's, else the one for the
 * HTTP status, else AcmeError.
 */
export function fromResponse(status: number | undefined, body?: unknown): AcmeError {
  const known = typeof status === "number" && Number.isInteger(status) ? status : undefined;
  try {
    return build(known, body);
  } catch {
    return new AcmeError(undefined, { status: known, body });
  }
}
