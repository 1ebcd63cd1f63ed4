// Generated from catalogue.yaml by error-bindings. Do not edit.
/**
 * Acme API errors, as classes.
 *
 * Catch them by type (`instanceof RequestError`) or by code, and build one from any HTTP
 * response with `fromResponse(status, body)`. Codes a newer server sends that this module
 * does not know yet still give an error object, with the raw code, type, message and body.
 */
import {
  choose,
  codeKey,
  failure,
  headerMap,
  isOfKind,
  jsonData,
  lookup as find,
  read,
  readsStatus,
  record,
  redacted,
  requestId,
  responseOf,
  retryAfter,
  statusOf,
  write,
  type Envelope,
  type Extra,
  type HeadersLike,
  type Wire,
} from "./runtime.ts";

/** The broad families error codes belong to. */
export enum ErrorType {
  /** The request is wrong. */
  Request = "request",
  /**
   * Errors of the v1 API.
   *
   * @deprecated Deprecated since v2. Its codes move to request.
   */
  Legacy = "legacy",
  /** The server is wrong. */
  Internal = "internal",
}

/** Every error code the API documents. */
export enum ErrorCode {
  /** A URL is wrong: "quoted", with a backslash \ and a tab\there. */
  InvalidUrl = "invalid_url",
  /** The user id is missing. */
  UserIdMissing = "user_id_missing",
  /**
   * The thing is not there.
   *
   * @deprecated Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.
   */
  NotFound = "not_found",
  /** Saving failed. 🚀 */
  StorageError = "storage_error",
}

/** The HTTP statuses the API documents: a status, or a range such as 5xx. */
export enum HttpStatus {
  /** Bad Request: The request is wrong. */
  BadRequest = "400",
  /** Not Found: Nothing is there. */
  NotFound = "404",
  /** Too Many Requests: Slow down. */
  TooManyRequests = "429",
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

// What the catalogue says of each code, written once and read by errorCodes and the code's
// class: a row a code, in catalogue order; what only some codes have in an object at its end.
type CodeRow = readonly [
  key: ErrorCode,
  type: ErrorType | undefined,
  status: HttpStatus,
  message: string,
  description: string,
  retryable: boolean,
  fault: Fault,
  more?: {
    readonly answerStatus?: number;
    readonly throttling?: true;
    readonly referenceUrl?: string;
    readonly deprecated?: string;
    readonly replacedBy?: ErrorCode;
  },
];

// One array literal of plain strings loads far faster than an object a code (or a class with
// statics a code); the casts cost nothing at run time.
const codeRows = [
  ["invalid_url", "request", "400", "The URL is not one", "A URL is wrong: \"quoted\", with a backslash \\ and a tab\there.", false, "client"],
  ["user_id_missing", "request", "400", "No user id", "The user id is missing.", false, "client"],
  ["not_found", "legacy", "404", "Not found", "The thing is not there.", false, "client", { deprecated: "Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.", replacedBy: "invalid_url", }],
  ["storage_error", "internal", "5xx", "Not saved", "Saving failed. 🚀", true, "server", { answerStatus: 503, }],
] as unknown as readonly CodeRow[];

const docsUrl = (key: string): string => "https://acme.example/docs/#" + key;

function infoOf(row: CodeRow): ErrorCodeInfo {
  return {
    type: row[1] as ErrorType,
    status: row[2],
    message: row[3],
    description: row[4],
    retryable: row[5],
    fault: row[6],
    docsUrl: docsUrl(row[0]),
  };
}

// A Record's members carry no doc comments: the deprecated ones are declared again, with theirs.
/** Metadata of every error code, keyed by code. */
export const errorCodes: Readonly<Record<ErrorCode, ErrorCodeInfo>> & {
  /** @deprecated Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead. */
  readonly "not_found": ErrorCodeInfo;
} = /* @__PURE__ */ infoByCode();

function infoByCode(): Record<ErrorCode, ErrorCodeInfo> {
  const found: Record<string, ErrorCodeInfo> = {};
  for (const row of codeRows) {
    found[row[0]] = infoOf(row);
  }
  return found as Record<ErrorCode, ErrorCodeInfo>;
}

/** Titles of the HTTP statuses, keyed by status. */
export const httpStatusTitles: Readonly<Record<HttpStatus, string>> = {
  "400": "Bad Request",
  "404": "Not Found",
  "429": "Too Many Requests",
  "5xx": "Server Errors",
};

/** What the server said about one field of the request. */
export interface FieldError {
  /** The field as the server names it (a JSON Pointer or a dotted path, as sent). */
  readonly name: string;
  readonly messages: readonly string[];
  /** The field error's own code, if the server sends one. */
  readonly code?: string | number | undefined;
  /** Its own type (or the resource it is about), if the server sends one. */
  readonly type?: string | number | undefined;
  /** A JSON Pointer to the field, as sent, if the server sends one. */
  readonly pointer?: string | undefined;
}

/** One of several errors a response carries. */
export interface ErrorItem {
  /** An ErrorCode when known, else the value the server sent. */
  readonly code: AnyErrorCode | number | undefined;
  /** Exactly what the server sent as the code. */
  readonly rawCode: string | number | undefined;
  readonly type: AnyErrorType | number | undefined;
  readonly message: string | undefined;
  readonly fields: readonly FieldError[];
  readonly extras: Readonly<Record<string, unknown>>;
}

/** A field error as JSON data. */
export interface FieldData {
  readonly name: string;
  readonly messages: readonly string[];
  readonly code: string | number | null;
  readonly type: string | number | null;
  readonly pointer: string | null;
}

/** An error as JSON data: the shape toJSON gives, fromJSON and Python's from_dict read. */
export interface ErrorData {
  readonly shape: 1;
  readonly class: string;
  readonly status: number | null;
  readonly code: string | number | null;
  readonly raw_code: string | number | null;
  readonly type: string | number | null;
  readonly message: string;
  readonly reference: string | null;
  readonly fields: readonly FieldData[];
  readonly errors: readonly {
    readonly code: string | number | null;
    readonly raw_code: string | number | null;
    readonly type: string | number | null;
    readonly message: string | null;
    readonly fields: readonly FieldData[];
    readonly extras: Readonly<Record<string, unknown>>;
  }[];
  readonly extras: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly request_id: string | null;
  readonly retry_after: number | null;
  readonly retryable: boolean;
  readonly throttled: boolean;
  readonly removed: boolean;
  /** Transport errors only: whether the request may have reached the server. */
  readonly sent?: boolean;
}

/** The extras an error may be built with, each of the type the catalogue declares. */
export type Extras = {
  readonly "retry_in"?: number | undefined | null;
  readonly "attempts"?: number | undefined | null;
  readonly "blocked"?: boolean | undefined | null;
  readonly "tags"?: readonly string[] | undefined | null;
  readonly "detail"?: unknown | null;
  readonly "doc_url"?: string | undefined | null;
  readonly "api_key_id"?: string | undefined | null;
};

/** What an error holds besides its message; every part is optional. */
export interface ErrorInit {
  readonly status?: number | undefined;
  readonly type?: AnyErrorType | number | undefined;
  readonly code?: AnyErrorCode | number | undefined;
  readonly rawCode?: string | number | undefined;
  readonly fields?: readonly FieldError[] | undefined;
  readonly reference?: string | undefined;
  readonly body?: unknown;
  readonly errors?: readonly ErrorItem[] | undefined;
  readonly extras?: Extras | undefined;
  /** The response's headers: a plain object, a Headers object or a list of pairs. */
  readonly headers?: HeadersLike | undefined;
  /** The request id the body carries (a header's wins). */
  readonly requestId?: string | undefined;
  /** Seconds to ask the client to wait (a server's; a client reads it from the headers). */
  readonly retryAfter?: number | undefined;
  /** Whether the code is one the catalogue lists as removed (a client reads it from the body). */
  readonly removed?: boolean | undefined;
  /** What caused the error (an HTTP client's exception), kept as the error's cause. */
  readonly cause?: unknown;
}

// What the catalogue says of responses besides their bodies.
const requestIdHeaders: readonly string[] = [
  "x-request-id",
  "request-id",
];
const retryStatuses: ReadonlySet<number> = /* @__PURE__ */ new Set<number>([
  408,
  429,
  502,
  503,
  504,
]);
const secretHeaders: ReadonlySet<string> = /* @__PURE__ */ new Set<string>([
]);
// The statuses of the codes documented with more than one, after their main one.
const alsoSentWith: ReadonlyMap<string, readonly HttpStatus[]> = /* @__PURE__ */ new Map<
  string,
  readonly HttpStatus[]
>([
]);

// Shared through the global symbol registry, so two copies of this module recognise each
// other's errors where instanceof cannot.
const BRAND = Symbol.for("@acme/errors/AcmeError");

/** An error response from Acme API. */
export class AcmeError extends Error {
  /** The code this class stands for, if it stands for one. */
  static readonly code: ErrorCode | undefined = undefined;
  /** The type this class stands for, if it stands for one. */
  static readonly type: ErrorType | undefined = undefined;
  /** Deprecated: statuses[0]. The status the code comes with (a status or a range). */
  static readonly httpStatus: HttpStatus | undefined = undefined;
  /**
   * The status toResponse answers with when the error has none, where the catalogue names
   * one (for a code documented with a range); else the documented status is used.
   */
  static readonly answerStatus: number | undefined = undefined;
  static readonly defaultMessage: string = "Unknown error";
  static readonly description: string = "";
  /** Whether retrying may succeed, as the catalogue says of the code. */
  static readonly retryable: boolean | undefined = undefined;
  /** Whether the code says the client is sending too much. */
  static readonly throttling: boolean = false;
  static readonly fault: Fault | undefined = undefined;
  static readonly docsUrl: string | undefined = undefined;
  /** The code's page in the API's own reference. */
  static readonly referenceUrl: string | undefined = undefined;
  /**
   * Why the class's code, type or status class is deprecated and what to use instead, as the
   * catalogue says; a code's class says its type's when only the type is deprecated.
   */
  static readonly deprecated: string | undefined = undefined;
  /** The code to use instead of the class's deprecated code, where the catalogue names one. */
  static readonly replacedBy: ErrorCode | undefined = undefined;
  static readonly errorName: string = "AcmeError";

  /** The statuses the catalogue documents the code with, the main one first. */
  static get statuses(): readonly HttpStatus[] {
    if (this.httpStatus === undefined) {
      return [];
    }
    return [this.httpStatus, ...((this.code && alsoSentWith.get(this.code)) || [])];
  }

  /** The HTTP status of the response, undefined when there was none. */
  readonly status: number | undefined;
  /** The response's headers, by lowercase name (not enumerable, to keep secrets out of logs). */
  declare readonly headers: Readonly<Record<string, string>>;
  /** The request id the response carries, for the API's support. */
  readonly requestId: string | undefined;
  /** Seconds the response asks to wait before retrying, if it says. */
  readonly retryAfter: number | undefined;
  /** Whether retrying may succeed: the code's word when known, else the status's. */
  readonly retryable: boolean;
  /** Whether the client is sending too much: a 429, or a code that says so. */
  readonly throttled: boolean;
  /**
   * Whether the server sent a code the catalogue lists as removed: the error is then one of an
   * unknown code (see tombstone for what the catalogue kept of it).
   */
  readonly removed: boolean;
  /** The error type: an ErrorType when known, else the value the server sent. */
  readonly type: AnyErrorType | number | undefined;
  /** The error code: an ErrorCode when known, else the value the server sent. */
  readonly code: AnyErrorCode | number | undefined;
  /** Exactly what the server sent as the code (undefined when it sent none). */
  readonly rawCode: string | number | undefined;
  /** Field errors. */
  readonly fields: readonly FieldError[];
  /** The documentation link the server sent. */
  readonly reference: string | undefined;
  /** The body the server sent: parsed JSON when it parsed, raw otherwise. */
  readonly body: unknown;
  /** Every error the response carries, when it carries several. */
  readonly errors: readonly ErrorItem[];
  /** Every member the catalogue declares that the server sent, by its catalogue name. */
  readonly extras: Readonly<Record<string, unknown>>;
  /** The retry_in the server sent. */
  readonly retryIn: number | undefined;
  /** The attempts the server sent. */
  readonly attempts: number | undefined;
  /** The blocked the server sent. */
  readonly blocked: boolean | undefined;
  /** The tags the server sent. */
  readonly tags: readonly string[] | undefined;
  /** The detail the server sent. */
  readonly detail: unknown;
  /** The doc_url the server sent. */
  readonly docUrl: string | undefined;

  constructor(message?: string, init: ErrorInit = {}) {
    const cls = new.target as typeof AcmeError;
    super(message ?? cls.defaultMessage, "cause" in init ? { cause: init.cause } : undefined);
    this.name = cls.errorName;
    this.status = init.status;
    const headers = headerMap(init.headers);
    Object.defineProperty(this, "headers", { value: headers, enumerable: false });
    this.requestId = requestId(headers, requestIdHeaders) ?? init.requestId;
    this.retryAfter = init.retryAfter ?? retryAfter(headers);
    this.retryable =
      cls.retryable ?? (init.status !== undefined && retryStatuses.has(init.status));
    this.throttled = init.status === 429 || cls.throttling;
    this.removed = init.removed ?? false;
    this.type = init.type ?? cls.type;
    this.code = init.code ?? cls.code;
    this.rawCode = init.rawCode;
    this.fields = init.fields ?? [];
    this.reference = init.reference;
    this.body = init.body;
    this.errors = init.errors ?? [];
    this.extras = init.extras ?? {};
    for (const [name, value] of Object.entries(this.extras)) {
      const kinds = extraKinds.get(name);
      if (kinds !== undefined && value !== undefined && value !== null && !isOfKind(value, kinds)) {
        const holds = kinds.split("|").join(" or ");
        throw new TypeError(`the extra ${JSON.stringify(name)} holds ${holds}, not ${typeof value}`);
      }
    }
    this.retryIn = this.extras["retry_in"] as number | undefined;
    this.attempts = this.extras["attempts"] as number | undefined;
    this.blocked = this.extras["blocked"] as boolean | undefined;
    this.tags = this.extras["tags"] as readonly string[] | undefined;
    this.detail = this.extras["detail"] as unknown;
    this.docUrl = this.extras["doc_url"] as string | undefined;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The code's page in the published docs, as the catalogue says (the class's). */
  get docsUrl(): string | undefined {
    return (this.constructor as typeof AcmeError).docsUrl;
  }

  /** What the catalogue says the code, type or status class means (the class's). */
  get description(): string {
    return (this.constructor as typeof AcmeError).description;
  }

  /** Whose fault the error is, as the catalogue says (the class's). */
  get fault(): Fault | undefined {
    return (this.constructor as typeof AcmeError).fault;
  }

  /** Why the error's code, type or status class is deprecated, if it is (the class's). */
  get deprecated(): string | undefined {
    return (this.constructor as typeof AcmeError).deprecated;
  }

  /** The code to use instead of the error's deprecated code, if named (the class's). */
  get replacedBy(): ErrorCode | undefined {
    return (this.constructor as typeof AcmeError).replacedBy;
  }

  override toString(): string {
    const text = this.code === undefined ? this.message : `${this.code}: ${this.message}`;
    const said = this.status === undefined ? [] : [`HTTP ${this.status}`];
    if (this.requestId !== undefined) {
      said.push(`request ${this.requestId}`);
    }
    return said.length === 0 ? text : `${text} (${said.join(", ")})`;
  }

  /**
   * The body a server sends for this error, as JSON data (text for a text envelope): laid out as
   * the envelope named so says, by default the catalogue's first (see Python's to_body).
   */
  toBody(envelope?: string): unknown {
    return answer(this, envelope).body;
  }

  /**
   * The status, headers and body text a server sends for this error (see Python's
   * to_response): the response's status, else the class's answerStatus, else the code's
   * (a range's first, so 500 for 5xx).
   */
  toResponse(envelope?: string): { status: number; headers: Record<string, string>; body: string } {
    const { chosen, body } = answer(this, envelope);
    const media = chosen.when?.mediaTypes?.[0];
    const headers: Record<string, string> = {
      "content-type": chosen.body === "text" ? "text/plain; charset=utf-8" : (media ?? "application/json"),
    };
    if (this.retryAfter !== undefined) {
      headers["retry-after"] = String(Math.ceil(this.retryAfter));
    }
    const requestHeader = requestIdHeaders[0];
    if (this.requestId !== undefined && requestHeader !== undefined) {
      headers[requestHeader] = this.requestId;
    }
    return {
      status: answerStatus(this, chosen),
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    };
  }

  /** The headers with every secret one shown as [redacted]. */
  redactedHeaders(): Record<string, string> {
    return redacted(this.headers, secretHeaders);
  }

  /**
   * The error as JSON data, in the shape every language's bindings read back (fromJSON here,
   * from_dict in Python); secret headers redacted. JSON.stringify(error) gives it.
   */
  toJSON(): ErrorData {
    const field = (found: FieldError): FieldData => ({
      name: found.name,
      messages: [...found.messages],
      code: found.code ?? null,
      type: found.type ?? null,
      pointer: found.pointer ?? null,
    });
    return {
      shape: 1,
      class: (this.constructor as typeof AcmeError).errorName,
      status: this.status ?? null,
      code: this.code ?? null,
      raw_code: this.rawCode ?? null,
      type: this.type ?? null,
      message: this.message,
      reference: this.reference ?? null,
      fields: this.fields.map(field),
      errors: this.errors.map((item) => ({
        code: item.code ?? null,
        raw_code: item.rawCode ?? null,
        type: item.type ?? null,
        message: item.message ?? null,
        fields: item.fields.map(field),
        extras: { ...item.extras },
      })),
      extras: { ...this.extras },
      body: jsonData(this.body),
      headers: { ...this.redactedHeaders() },
      request_id: this.requestId ?? null,
      retry_after: this.retryAfter ?? null,
      retryable: this.retryable,
      throttled: this.throttled,
      removed: this.removed,
    };
  }
}

/** What a transport error holds besides what every error may. */
export interface TransportErrorInit extends ErrorInit {
  /** Whether the request may have reached the server (by default, the class's word). */
  readonly sent?: boolean | undefined;
}

/**
 * No answer from Acme API: the request failed on its way, or its answer did not
 * come. Such an error has no status, code or body; the HTTP client's error is its cause. See
 * call and translate.
 */
export class AcmeTransportError extends AcmeError {
  static override readonly defaultMessage: string = "No answer from Acme API";
  static override readonly description: string = "The request failed on its way, or its answer did not come.";
  static override readonly retryable: boolean | undefined = true;
  static override readonly errorName: string = "AcmeTransportError";
  /** Whether the class's requests may have reached the server. */
  static readonly sent: boolean = true;
  declare readonly name: "AcmeTransportError" | "AcmeConnectionError" | "AcmeTimeoutError";
  /**
   * Whether the request may have reached the server: false only when it certainly did not,
   * so that sending it again is safe.
   */
  readonly sent: boolean;

  constructor(message?: string, init: TransportErrorInit = {}) {
    super(message, init);
    this.sent = init.sent ?? (new.target as typeof AcmeTransportError).sent;
  }

  override toJSON(): ErrorData {
    return { ...super.toJSON(), sent: this.sent };
  }
}

/**
 * The request never reached Acme API (a refused connection, a name that does not
 * resolve, a failed TLS handshake): sending it again is safe.
 */
export class AcmeConnectionError extends AcmeTransportError {
  static override readonly description: string = "The request never reached the server: sending it again is safe.";
  static override readonly errorName: string = "AcmeConnectionError";
  static override readonly sent: boolean = false;
  declare readonly name: "AcmeConnectionError";
}

/** The request was sent, and no answer came in time: the server may have acted on it. */
export class AcmeTimeoutError extends AcmeTransportError {
  static override readonly description: string = "The request was sent, and no answer came in time.";
  static override readonly errorName: string = "AcmeTimeoutError";
  declare readonly name: "AcmeTimeoutError";
}

/** Too many requests, whatever the body says. */
export class RateLimitedError extends AcmeError {
  declare readonly name: "RateLimitedError";
  static override readonly httpStatus: HttpStatus | undefined = "429" as HttpStatus;
  static override readonly description: string = "Too many requests, whatever the body says.";
  static override readonly errorName: string = "RateLimitedError";
}

/** The request is wrong. */
export class RequestError extends AcmeError {
  static override readonly type: ErrorType | undefined = "request" as ErrorType;
  static override readonly description: string = "The request is wrong.";
  static override readonly fault: Fault | undefined = "client";
  static override readonly errorName: string = "RequestError";
  declare readonly name: "RequestError" | "InvalidUrlError" | "UserIdMissingError";
}

/**
 * Errors of the v1 API.
 *
 * @deprecated Deprecated since v2. Its codes move to request.
 */
export class LegacyError extends AcmeError {
  static override readonly type: ErrorType | undefined = "legacy" as ErrorType;
  static override readonly description: string = "Errors of the v1 API.";
  static override readonly fault: Fault | undefined = "client";
  static override readonly deprecated: string | undefined = "Deprecated since v2. Its codes move to request.";
  static override readonly errorName: string = "LegacyError";
  declare readonly name: "LegacyError" | "NotFoundError";
}

/** The server is wrong. */
export class InternalError extends AcmeError {
  static override readonly type: ErrorType | undefined = "internal" as ErrorType;
  static override readonly description: string = "The server is wrong.";
  static override readonly fault: Fault | undefined = "server";
  static override readonly errorName: string = "InternalError";
  declare readonly name: "InternalError" | "StorageError";
}

type ErrorClass = typeof AcmeError;

/**
 * A code's class as tsc sees it: the statics every error class has, and errors of the code's
 * own interface. At run time it is a subclass of its type's class, made by codeClass.
 */
type CodeClass<Instance extends AcmeError> = Omit<ErrorClass, "prototype"> & {
  new (message?: string, init?: ErrorInit): Instance;
  readonly prototype: Instance;
};

let rowsByCode: ReadonlyMap<string, CodeRow> | undefined;

function rowOf(cls: ErrorClass): CodeRow {
  rowsByCode ??= new Map(codeRows.map((row) => [row[0], row]));
  return rowsByCode.get(cls.code as string) as CodeRow;
}

// The statics of a code's class, read from its row (its base's where the row says nothing): on
// one class between the code's classes and each base, so that a base's own statics (a type
// class's description) do not hide them.
const codeStatics = {
  httpStatus: (cls: ErrorClass) => rowOf(cls)[2],
  answerStatus: (cls: ErrorClass) => rowOf(cls)[7]?.answerStatus,
  defaultMessage: (cls: ErrorClass) => rowOf(cls)[3],
  description: (cls: ErrorClass) => rowOf(cls)[4],
  retryable: (cls: ErrorClass) => rowOf(cls)[5],
  throttling: (cls: ErrorClass) => rowOf(cls)[7]?.throttling ?? false,
  fault: (cls: ErrorClass, base: ErrorClass) => base.fault ?? rowOf(cls)[6],
  docsUrl: (cls: ErrorClass) => docsUrl(rowOf(cls)[0]),
  referenceUrl: (cls: ErrorClass) => rowOf(cls)[7]?.referenceUrl,
  // A code's class says its type's notice when only the type is deprecated.
  deprecated: (cls: ErrorClass, base: ErrorClass) => rowOf(cls)[7]?.deprecated ?? base.deprecated,
  replacedBy: (cls: ErrorClass) => rowOf(cls)[7]?.replacedBy,
  // The code's class's name, also for a subclass of it.
  errorName: (cls: ErrorClass, base: ErrorClass, codes: ErrorClass) => {
    let found = cls;
    while (Object.getPrototypeOf(found) !== codes) {
      found = Object.getPrototypeOf(found) as ErrorClass;
    }
    return found.name;
  },
} satisfies {
  [Name in keyof ErrorClass]?: (cls: ErrorClass, base: ErrorClass, codes: ErrorClass) => ErrorClass[Name];
};

const codesOf = new Map<ErrorClass, ErrorClass>();

/**
 * The class of a code: a subclass of base named name, whose statics the code's row gives; each
 * extra [attribute, name] of the code an attribute of its errors.
 */
function codeClass<Instance extends AcmeError>(
  base: ErrorClass,
  name: Instance["name"],
  code: ErrorCode,
  extras: readonly (readonly [string, string])[] = [],
): CodeClass<Instance> {
  let parent = codesOf.get(base);
  if (parent === undefined) {
    const made = class extends base {};
    const descriptors: Record<string, { get(this: ErrorClass): unknown; configurable: true }> = {};
    for (const [key, read] of Object.entries(codeStatics)) {
      descriptors[key] = {
        get(this: ErrorClass) {
          return read(this, base, made);
        },
        configurable: true,
      };
    }
    parent = Object.defineProperties(made, descriptors);
    codesOf.set(base, parent);
  }
  const cls =
    extras.length === 0
      ? class extends parent {}
      : class extends parent {
          constructor(message?: string, init?: ErrorInit) {
            super(message, init);
            for (const [attribute, key] of extras) {
              Object.defineProperty(this, attribute, {
                value: this.extras[key],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
        };
  Object.defineProperty(cls, "name", { value: name });
  (cls as { code: ErrorCode | undefined }).code = code;
  return cls as unknown as CodeClass<Instance>;
}

/** A URL is wrong: "quoted", with a backslash \ and a tab\there. */
export interface InvalidUrlError extends RequestError {
  readonly name: "InvalidUrlError";
  readonly code: typeof ErrorCode.InvalidUrl;
  /** The key that sent it. */
  readonly apiKeyId: string | undefined;
}
/** A URL is wrong: "quoted", with a backslash \ and a tab\there. */
export const InvalidUrlError = /* @__PURE__ */ codeClass<InvalidUrlError>(
  RequestError,
  "InvalidUrlError",
  "invalid_url" as ErrorCode,
  [["apiKeyId", "api_key_id"]],
);

/** The user id is missing. */
export interface UserIdMissingError extends RequestError {
  readonly name: "UserIdMissingError";
  readonly code: typeof ErrorCode.UserIdMissing;
}
/** The user id is missing. */
export const UserIdMissingError = /* @__PURE__ */ codeClass<UserIdMissingError>(RequestError, "UserIdMissingError", "user_id_missing" as ErrorCode);

/**
 * The thing is not there.
 *
 * @deprecated Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.
 */
export interface NotFoundError extends LegacyError {
  readonly name: "NotFoundError";
  readonly code: typeof ErrorCode.NotFound;
}
/**
 * The thing is not there.
 *
 * @deprecated Deprecated since v2. Servers send invalid_url now. Use the code invalid_url instead.
 */
export const NotFoundError = /* @__PURE__ */ codeClass<NotFoundError>(LegacyError, "NotFoundError", "not_found" as ErrorCode);

/** Saving failed. 🚀 */
export interface StorageError extends InternalError {
  readonly name: "StorageError";
  readonly code: typeof ErrorCode.StorageError;
}
/** Saving failed. 🚀 */
export const StorageError = /* @__PURE__ */ codeClass<StorageError>(InternalError, "StorageError", "storage_error" as ErrorCode);

/** An error of any code the catalogue documents: comparing its code (or its name) narrows it. */
export type KnownError = InvalidUrlError | UserIdMissingError | NotFoundError | StorageError;

// Each class as ErrorClass: the classes differ (by name and code), and a union of thousands of
// them is too complex for tsc.
const byCode: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<string, ErrorClass>([
  ["invalid_url", InvalidUrlError as ErrorClass],
  ["user_id_missing", UserIdMissingError as ErrorClass],
  ["not_found", NotFoundError as ErrorClass],
  ["storage_error", StorageError as ErrorClass],
]);

const byType: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<string, ErrorClass>([
  ["request", RequestError],
  ["legacy", LegacyError],
  ["internal", InternalError],
]);

// For a status whose documented codes all share one type; ranges are keyed like "5xx".
const byStatus: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<string, ErrorClass>([
  ["400", RequestError],
  ["404", LegacyError],
  ["5xx", InternalError],
]);

// Status classes, by status: those chosen before the type, and those after it.
const statusClassesFirst: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<
  string,
  ErrorClass
>([
  ["429", RateLimitedError],
]);
const statusClassesLast: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<
  string,
  ErrorClass
>([
]);

// The values a server sends for a code or a type, where they are not its key; and the
// keys a server never sends as themselves.
const codeAliases: ReadonlyMap<Wire, ErrorCode> = /* @__PURE__ */ new Map<
  Wire,
  ErrorCode
>([
  [20404, "not_found" as ErrorCode],
]);
const codeOther: ReadonlySet<string> = /* @__PURE__ */ new Set<string>([
]);
// What a server writes for each ErrorCode whose canonical wire value is not its key.
const codeWire: ReadonlyMap<string, Wire> = /* @__PURE__ */ new Map<string, Wire>([
  ["not_found", 20404],
]);
const typeAliases: ReadonlyMap<Wire, ErrorType> = /* @__PURE__ */ new Map<
  Wire,
  ErrorType
>([
  [1, "legacy" as ErrorType],
]);
const typeOther: ReadonlySet<string> = /* @__PURE__ */ new Set<string>([
  "legacy",
]);
// What a server writes for each ErrorType whose canonical wire value is not its key.
const typeWire: ReadonlyMap<string, Wire> = /* @__PURE__ */ new Map<string, Wire>([
  ["legacy", 1],
]);

/** What the catalogue keeps of a code the API no longer sends (see tombstone). */
export interface Tombstone {
  readonly key: string;
  /** The values a server sent for it: its key, unless the catalogue lists others. */
  readonly wire: readonly (string | number)[];
  /** The last status it came with (a status or a range). */
  readonly status: string;
  /** The last type it had, which may be gone too. */
  readonly type: string | undefined;
  /** The API version that stopped sending it. */
  readonly removedIn: string;
  readonly note: string | undefined;
  /** The code to use instead. */
  readonly replacedBy: ErrorCode | undefined;
}

const tombstones: readonly Tombstone[] = [
  {
    key: "receipt_invalid",
    wire: [10002, "receipt_invalid"],
    status: "400",
    type: "request",
    removedIn: "v2",
    note: "Receipts are checked by the stores now.",
    replacedBy: "invalid_url" as ErrorCode,
  },
];
const removedByKey: ReadonlyMap<string, Tombstone> = /* @__PURE__ */ new Map<string, Tombstone>(
  /* @__PURE__ */ tombstones.map((gone) => [gone.key, gone]),
);
// By the values a server sent, type and all (10002 is not "10002"), as fromResponse matches.
const removedBySent: ReadonlyMap<Wire, Tombstone> = /* @__PURE__ */ new Map<Wire, Tombstone>(
  /* @__PURE__ */ tombstones.flatMap((gone) => gone.wire.map((value) => [value, gone] as const)),
);

// The JSON types each extra may hold (|-separated), by its name in the body's terms.
const extraKinds: ReadonlyMap<string, string> = /* @__PURE__ */ new Map<string, string>([
  ["retry_in", "number"],
  ["attempts", "integer"],
  ["blocked", "boolean"],
  ["tags", "strings"],
  ["detail", "object"],
  ["doc_url", "string"],
  ["api_key_id", "string"],
]);

// The extras only some codes' bodies carry, by the values a server sends for the code.
const codeExtras: ReadonlyMap<Wire, readonly Extra[]> = /* @__PURE__ */ new Map<
  Wire,
  readonly Extra[]
>([
  [
    "invalid_url",
    [
      { name: "api_key_id", path: "$.error.api_key_id", kind: "string" },
    ],
  ],
]);

const envelopes: readonly Envelope[] = [
  {
    name: "main",
    type: "$.error.type",
    code: "$.error.code",
    message: "$.error.message",
    reference: undefined,
    fields: [
      {
        path: "$.error.fields",
        name: "$.name",
        messages: "$.messages",
        message: undefined,
      },
    ],
    requestId: "$.meta.request_id",
    extras: [
      { name: "retry_in", path: "$.error.retry_in", kind: "number" },
      { name: "attempts", path: "$.error.attempts", kind: "integer" },
      { name: "blocked", path: "$.error.blocked", kind: "boolean" },
      { name: "tags", path: "$.error.tags", kind: "strings" },
      { name: "detail", path: "$.error.detail", kind: "object" },
      { name: "doc_url", path: "$.error.doc_url", kind: "string" },
    ],
  },
  {
    name: "text",
    type: undefined,
    code: undefined,
    message: undefined,
    reference: undefined,
    fields: [
    ],
    when: {
      mediaTypes: [
        "text/plain",
      ],
    },
    body: "text",
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

/**
 * The class of an error code: by key, a value the server sends for it (what `error.code`
 * holds) or class name; else by any of these ignoring case, when exactly one class matches;
 * undefined for anything else.
 */
export function lookup(code: string | number): ErrorClass | undefined {
  const exact = typeof code === "string" ? byCode.get(code) : undefined;
  const alias = exact === undefined ? codeAliases.get(code) : undefined;
  if (exact !== undefined || alias !== undefined) {
    return exact ?? byCode.get(alias as string);
  }
  return typeof code === "string"
    ? (byName().get(code) ?? byName().get(code.toLowerCase()))
    : undefined;
}

/**
 * What the catalogue keeps of a removed code, by its key or a value a server sent for it (of
 * the same JSON type); undefined for any other code. To lookup and fromResponse a removed code
 * is an unknown one.
 */
export function tombstone(code: string | number): Tombstone | undefined {
  return removedBySent.get(code) ?? (typeof code === "string" ? removedByKey.get(code) : undefined);
}

/** lookup(code), or fallback for a code this module does not know. */
export function lookupOr<Fallback>(
  code: string | number,
  fallback: Fallback,
): ErrorClass | Fallback {
  return lookup(code) ?? fallback;
}

let classesByName: ReadonlyMap<string, ErrorClass> | undefined;

/** The class named so, else the code's, else the type's, else the base. */
function classFor(name: unknown, code: unknown, type: unknown): ErrorClass {
  classesByName ??= new Map<string, ErrorClass>(
    [
      AcmeError,
      AcmeTransportError,
      AcmeConnectionError,
      AcmeTimeoutError,
      ...statusClassesFirst.values(),
      ...statusClassesLast.values(),
      ...byType.values(),
      ...byCode.values(),
    ].map((cls) => [cls.errorName, cls]),
  );
  return (
    (typeof name === "string" ? classesByName.get(name) : undefined) ??
    (typeof code === "string" || typeof code === "number" ? lookup(code) : undefined) ??
    (typeof type === "string" ? byType.get(type) : undefined) ??
    AcmeError
  );
}

function fieldsFrom(value: unknown): FieldError[] {
  const wire = (item: unknown): string | number | undefined =>
    typeof item === "string" || typeof item === "number" ? item : undefined;
  return (Array.isArray(value) ? (value as unknown[]) : []).flatMap((item) => {
    const found = record(item);
    if (found === undefined || typeof found["name"] !== "string") {
      return [];
    }
    const messages = Array.isArray(found["messages"]) ? (found["messages"] as unknown[]) : [];
    return [
      {
        name: found["name"],
        messages: messages.filter((text): text is string => typeof text === "string"),
        code: wire(found["code"]),
        type: wire(found["type"]),
        pointer: typeof found["pointer"] === "string" ? found["pointer"] : undefined,
      },
    ];
  });
}

/**
 * The error a toJSON (or Python's to_dict) gave: its class found again by name, code or
 * type; what this module does not know kept as it was sent.
 */
export function fromJSON(data: unknown): AcmeError {
  const found = record(data) ?? {};
  const wire = (item: unknown): string | number | undefined =>
    typeof item === "string" || typeof item === "number" ? item : undefined;
  const text = (item: unknown): string | undefined =>
    typeof item === "string" ? item : undefined;
  const code = wire(found["code"]);
  const type = wire(found["type"]);
  const cls = classFor(found["class"], code, type);
  const known = code === undefined ? undefined : lookup(code)?.code;
  const error = new cls(text(found["message"]), {
    status: typeof found["status"] === "number" ? found["status"] : undefined,
    type: typeOf(type) ?? type,
    code: known ?? code,
    rawCode: wire(found["raw_code"]),
    fields: fieldsFrom(found["fields"]),
    reference: text(found["reference"]),
    body: found["body"] ?? undefined,
    errors: (Array.isArray(found["errors"]) ? (found["errors"] as unknown[]) : []).map((raw) => {
      const item = record(raw) ?? {};
      const itemCode = wire(item["code"]);
      const itemType = wire(item["type"]);
      return {
        code: (itemCode === undefined ? undefined : lookup(itemCode)?.code) ?? itemCode,
        rawCode: wire(item["raw_code"]),
        type: typeOf(itemType) ?? itemType,
        message: text(item["message"]),
        fields: fieldsFrom(item["fields"]),
        extras: { ...record(item["extras"]) },
      };
    }),
    extras: { ...record(found["extras"]) },
    headers: record(found["headers"]) as HeadersLike | undefined,
    requestId: text(found["request_id"]),
  });
  // What the data says of retrying stands, as the error said it.
  const said: Record<string, unknown> = {};
  if ("retry_after" in found) {
    said["retryAfter"] = typeof found["retry_after"] === "number" ? found["retry_after"] : undefined;
  }
  for (const name of ["retryable", "throttled", "removed", "sent"]) {
    if (typeof found[name] === "boolean") {
      said[name] = found[name];
    }
  }
  // Data made while its code was live loads as removed once the catalogue removes the code.
  const sent = [code, wire(found["raw_code"])];
  if (said["removed"] !== true && (code === undefined || lookup(code) === undefined)) {
    if (sent.some((value) => value !== undefined && tombstone(value) !== undefined)) {
      said["removed"] = true;
    }
  }
  return Object.assign(error, said);
}

let names: ReadonlyMap<string, ErrorClass> | undefined;

/** Classes by name, and by the lowercase name, key or wire value of exactly one. */
function byName(): ReadonlyMap<string, ErrorClass> {
  if (names === undefined) {
    const folded = new Map<string, Set<ErrorClass>>();
    const see = (word: string, cls: ErrorClass | undefined): void => {
      if (cls !== undefined) {
        const key = word.toLowerCase();
        folded.set(key, (folded.get(key) ?? new Set<ErrorClass>()).add(cls));
      }
    };
    for (const [key, cls] of byCode) {
      see(key, cls);
      see(cls.errorName, cls);
    }
    for (const [value, key] of codeAliases) {
      if (typeof value === "string") {
        see(value, byCode.get(key));
      }
    }
    const found = new Map<string, ErrorClass>();
    for (const [word, classes] of folded) {
      if (classes.size === 1) {
        found.set(word, [...classes][0] as ErrorClass);
      }
    }
    for (const cls of byCode.values()) {
      found.set(cls.errorName, cls);
    }
    names = found;
  }
  return names;
}

/** The entry for a numeric status: the exact one, else the range holding it. */
export function httpStatusOf(status: number): HttpStatus | undefined {
  return statusOf(status, Object.values(HttpStatus) as HttpStatus[]);
}

function codeOf(raw: Wire | undefined, envelope: Envelope | undefined): ErrorCode | undefined {
  return raw === undefined
    ? undefined
    : find<ErrorCode>(codeKey(raw, envelope), knownCodes, codeAliases, codeOther);
}

function typeOf(raw: Wire | undefined): ErrorType | undefined {
  return find<ErrorType>(raw, knownTypes, typeAliases, typeOther);
}

function build(
  status: number | undefined,
  body: unknown,
  headers: HeadersLike | undefined,
): [AcmeError, boolean] {
  const responseHeaders = headerMap(headers);
  const parsed = read(
    status,
    body,
    responseHeaders,
    envelopes,
    (raw, envelope) => codeOf(raw, envelope) !== undefined,
    codeExtras,
  );
  const code = codeOf(parsed.rawCode, parsed.codeEnvelope);
  const gone =
    code === undefined && parsed.rawCode !== undefined
      ? removedBySent.get(codeKey(parsed.rawCode, parsed.codeEnvelope))
      : undefined;
  // A removed code is unknown; a body without any type takes its last type, if still a type.
  const lastType = parsed.rawType === undefined ? gone?.type : undefined;
  const type =
    typeOf(parsed.rawType) ??
    (lastType !== undefined && knownTypes.has(lastType) ? (lastType as ErrorType) : undefined);
  const cls = choose(
    code === undefined ? undefined : byCode.get(code),
    type === undefined ? undefined : byType.get(type),
    status,
    statusClassesFirst,
    statusClassesLast,
    byStatus,
    AcmeError,
  );
  const error = new cls(parsed.message, {
    status,
    type: type ?? parsed.rawType,
    code: code ?? parsed.rawCode,
    rawCode: parsed.rawCode,
    fields: parsed.fields,
    reference: parsed.reference,
    body: parsed.body,
    errors: parsed.errors.map((item) => ({
      code: codeOf(item.rawCode, item.envelope) ?? item.rawCode,
      rawCode: item.rawCode,
      type: typeOf(item.rawType) ?? item.rawType,
      message: item.message,
      fields: item.fields,
      extras: item.extras,
    })),
    extras: parsed.extras,
    headers: responseHeaders,
    requestId: parsed.requestId,
    removed: gone !== undefined,
  });
  return [error, parsed.rawCode !== undefined || parsed.rawType !== undefined];
}

/**
 * A body fromResponse cannot read: a stream or a Response, whose text only a promise gives
 * (`fromResponse(status, res.body)` would lose the code). Await fromFetchResponse instead.
 */
export type NotRead<Body> = [
  Extract<Body, { readonly getReader: unknown } | { readonly arrayBuffer: unknown }>,
] extends [never]
  ? unknown
  : "a stream or a Response: await fromFetchResponse(response) reads it";

function integer(status: number | undefined): number | undefined {
  return typeof status === "number" && Number.isInteger(status) ? status : undefined;
}

/**
 * The error for a response: its status, its body (text, bytes, parsed JSON or nothing) and,
 * if you have them, its headers (a plain object, a Headers object or a list of pairs).
 *
 * Never throws: whatever the body holds, the result is an error object keeping the raw code,
 * type, message and body. The class is the code's, else a status class that wins over the
 * type, else the type's, else any other status class, else the one for the HTTP status,
 * else AcmeError.
 */
export function fromResponse<Body>(
  status: number | undefined,
  body?: Body & NotRead<Body>,
  headers?: HeadersLike,
): AcmeError {
  const known = integer(status);
  try {
    return build(known, body, headers)[0];
  } catch {
    return new AcmeError(undefined, { status: known, body, headers });
  }
}

/**
 * The error a response is, or undefined when it is a success: any 4xx or 5xx response is an
 * error; a response of another status is one only when an envelope that reads that status
 * finds a code or a type in its body (an API that answers errors with 200).
 */
export function errorFor<Body>(
  status: number | undefined,
  body?: Body & NotRead<Body>,
  headers?: HeadersLike,
): AcmeError | undefined {
  const known = integer(status);
  if (known !== undefined && (known < 400 || known > 599)) {
    if (!readsStatus(envelopes, known)) {
      return undefined;
    }
    try {
      const [error, found] = build(known, body, headers);
      return found ? error : undefined;
    } catch {
      return undefined;
    }
  }
  return fromResponse(status, body, headers);
}

/** What fromFetchResponse reads: a fetch Response, or anything shaped like one. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers?: HeadersLike | undefined;
  readonly bodyUsed?: boolean | undefined;
  text(): Promise<string>;
}

/**
 * The error for a fetch Response (see fromResponse), reading its body once: check
 * `response.ok` first, or use errorForFetchResponse. A body already read is not read again:
 * the error then has the status and headers alone.
 */
export async function fromFetchResponse(response: FetchResponseLike): Promise<AcmeError> {
  return fromResponse(response.status, await bodyText(response), response.headers);
}

/** The error a fetch Response is (see errorFor), or undefined for a success, whose body is
 * read only when an envelope reads errors from successes. */
export async function errorForFetchResponse(
  response: FetchResponseLike,
): Promise<AcmeError | undefined> {
  const status = integer(response.status);
  if (status !== undefined && (status < 400 || status > 599) && !readsStatus(envelopes, status)) {
    return undefined;
  }
  return errorFor(response.status, await bodyText(response), response.headers);
}

async function bodyText(response: FetchResponseLike): Promise<string | undefined> {
  if (response.bodyUsed === true) {
    return undefined;
  }
  try {
    return await response.text();
  } catch {
    return undefined;
  }
}

const failureClasses = {
  connection: AcmeConnectionError,
  timeout: AcmeTimeoutError,
  transport: AcmeTransportError,
} as const;

/**
 * The error of this API an HTTP client's error stands for, else undefined: a failure to get an
 * answer (fetch's, axios', node:http's) gives a AcmeTransportError, a AcmeConnectionError when the
 * request never left, a AcmeTimeoutError when no answer came in time; an axios error for an
 * error status gives the error its response is. The original error is the result's cause. A
 * request the caller aborted gives undefined.
 */
export function translate(error: unknown): AcmeError | undefined {
  if (isAcmeError(error)) {
    return error;
  }
  const answer = responseOf(error);
  if (answer !== undefined) {
    const [status, body, headers] = answer;
    const found = errorFor(status, body, headers);
    return found === undefined ? undefined : withCause(found, error);
  }
  const failed = failure(error);
  if (failed === undefined) {
    return undefined;
  }
  const [kind, sent] = failed;
  const message = error instanceof Error && error.message !== "" ? error.message : undefined;
  return new failureClasses[kind](message, { sent, cause: error });
}

function withCause(found: AcmeError, cause: unknown): AcmeError {
  Object.defineProperty(found, "cause", { value: cause, writable: true, configurable: true });
  return found;
}

/**
 * `await call(() => fetch(...))` (or any request that returns a promise) turns what the HTTP
 * client throws into this API's errors (see translate): catching AcmeError then catches
 * every failure of the API. What it cannot translate is thrown as it was.
 */
export async function call<Result>(request: () => Promise<Result>): Promise<Result> {
  try {
    return await request();
  } catch (error) {
    throw translate(error) ?? error;
  }
}

function envelopeNamed(name: string | undefined): Envelope {
  const found = name === undefined ? envelopes[0] : envelopes.find((entry) => entry.name === name);
  if (found === undefined) {
    const known = envelopes.map((entry) => entry.name).join(", ");
    throw new RangeError(`no envelope ${JSON.stringify(name)}: the catalogue declares ${known}`);
  }
  return found;
}

function answer(error: AcmeError, name: string | undefined): { chosen: Envelope; body: unknown } {
  const chosen = envelopeNamed(name);
  // A member of ErrorCode or ErrorType is written as its canonical wire value.
  const code = error.code;
  const rawCode =
    typeof code === "string" && knownCodes.has(code) ? (codeWire.get(code) ?? code) : (code ?? error.rawCode);
  const type = error.type;
  const rawType = typeof type === "string" && knownTypes.has(type) ? (typeWire.get(type) ?? type) : type;
  const extras = rawCode === undefined ? [] : (codeExtras.get(rawCode) ?? []);
  const body = write(
    chosen,
    {
      rawCode,
      rawType,
      message: error.message,
      reference: error.reference,
      fields: error.fields.map((found) => ({
        name: found.name,
        messages: [...found.messages],
        code: found.code,
        type: found.type,
        pointer: found.pointer,
      })),
      extras: error.extras,
      requestId: error.requestId,
    },
    extras,
  );
  return { chosen, body };
}

function answerStatus(error: AcmeError, envelope: Envelope): number {
  const cls = error.constructor as typeof AcmeError;
  const first = cls.statuses[0];
  const fromEntry = (entry: string): number =>
    entry.endsWith("xx") ? Number(entry[0]) * 100 : Number(entry);
  let status = error.status ?? cls.answerStatus ?? (first === undefined ? 500 : fromEntry(first));
  const entries = envelope.when?.statuses ?? [];
  const firstEntry = entries[0];
  if (firstEntry !== undefined && !readsStatus([envelope], status)) {
    status = fromEntry(firstEntry);
  }
  return status;
}
