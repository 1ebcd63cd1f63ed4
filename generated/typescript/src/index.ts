// Generated from catalogue.yaml by error-bindings. Do not edit.
/**
 * Qonversion API errors, as classes.
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
  /** Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests. */
  Request = "request",
  /** The request is valid, but the action could not be executed due to some reason. */
  Resource = "resource",
  /** The client can execute the required action but there is an error in communicating with the application. */
  Logical = "logical",
  /** All request handling stages are successful, but there was an internal error. */
  Internal = "internal",
}

/** Every error code the API documents. */
export enum ErrorCode {
  /** The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields. */
  InvalidData = "invalid_data",
  /** Unrecognized request URL. */
  InvalidRequest = "invalid_request",
  /** Authorization is required to execute the request. */
  ControlUnauthorized = "control_unauthorized",
  /** Functionality at the requested address is not implemented. */
  NotImplemented = "not_implemented",
  /** The requested resource is not found. */
  NotFound = "not_found",
  /** The requested resource already exists. */
  AlreadyExists = "already_exists",
  /** Couldn't validate purchase with store request, potential fraud. */
  PurchaseFraud = "purchase_fraud",
  /** Nested objects could not be found or associated with other entity. */
  RelationNotFound = "relation_not_found",
  /** Data was not saved. */
  StorageError = "storage_error",
  /** Internal services interaction failed. */
  NetworkError = "network_error",
  /** Unknown reason. */
  UnknownError = "unknown_error",
  /** The access token is invalid or not set. */
  InvalidCredentials = "invalid_credentials",
  /** The client UID is invalid or not set. */
  InvalidClientUid = "invalid_client_uid",
  /** The client's platform is not supported. */
  UnknownClientPlatform = "unknown_client_platform",
  /** The requested feature is not supported. */
  FeatureNotSupported = "feature_not_supported",
  /** The app store (Google Play or the App Store) returned an error. */
  StoreError = "store_error",
  /** The purchase is invalid. */
  PurchaseInvalid = "purchase_invalid",
  /** The project is not configured, or configured incorrectly, in the Qonversion dashboard. */
  ProjectConfigError = "project_config_error",
  /** The store credentials given to Qonversion are invalid. */
  InvalidStoreCredentials = "invalid_store_credentials",
  /** The store receipt could not be validated. */
  ReceiptValidationError = "receipt_validation_error",
  /** An error on Qonversion's side (the SDKs' BackendError). */
  BackendError = "backend_error",
}

/** The HTTP statuses the API documents: a status, or a range such as 5xx. */
export enum HttpStatus {
  /** Success: Everything worked as expected. */
  Success = "200",
  /** Created: Everything worked as expected and operation execution has led to the creation of a resource. */
  Created = "201",
  /** No Content: Indicates that the server has successfully fulfilled the request and that there is no content to send in the response body. */
  NoContent = "204",
  /** Bad Request: The request was not accepted, often due to a missing required parameter. Error could be due to malformed request syntax, invalid request message parameters, deceptive request routing, etc. */
  BadRequest = "400",
  /** Unauthorized: Invalid API key provided. */
  Unauthorized = "401",
  /** Forbidden: Authorization by a secret key required. */
  Forbidden = "403",
  /** Not Found: The requested resource doesn't exist, but may be available in the future. */
  NotFound = "404",
  /** Conflict: The request conflicts with the current state of a resource. */
  Conflict = "409",
  /** Unprocessable Entity: Can not process the request further due to logical error in client's actions. */
  UnprocessableEntity = "422",
  /** Too Many Requests: Too many requests were sent in a given amount of time; slow down and retry. */
  TooManyRequests = "429",
  /** Server Errors: Something went wrong on Qonversion's end. (These are rare.) */
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
  ["invalid_data", "request", "400", "Failed validate request data", "The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields.", false, "client"],
  ["invalid_request", "request", "400", "Unrecognized request URL", "Unrecognized request URL.", false, "client"],
  ["control_unauthorized", "request", "401", "Authorization is required", "Authorization is required to execute the request.", false, "client"],
  ["not_implemented", "request", "404", "Not implemented", "Functionality at the requested address is not implemented.", false, "client"],
  ["not_found", "resource", "404", "Resource not found", "The requested resource is not found.", false, "client"],
  ["already_exists", "resource", "422", "Resource already exists", "The requested resource already exists.", false, "client"],
  ["purchase_fraud", "logical", "422", "Could not validate purchase", "Couldn't validate purchase with store request, potential fraud.", false, "client"],
  ["relation_not_found", "logical", "422", "Related object not found", "Nested objects could not be found or associated with other entity.", false, "client"],
  ["storage_error", "internal", "5xx", "Data was not saved", "Data was not saved.", true, "server"],
  ["network_error", "internal", "5xx", "Internal services interaction failed", "Internal services interaction failed.", true, "server"],
  ["unknown_error", "internal", "5xx", "Unknown error", "Unknown reason.", true, "server"],
  ["invalid_credentials", "request", "401", "Invalid access token received", "The access token is invalid or not set.", false, "client"],
  ["invalid_client_uid", "request", "400", "Client Uid is invalid or not set", "The client UID is invalid or not set.", false, "client"],
  ["unknown_client_platform", "request", "400", "The current platform is not supported", "The client's platform is not supported.", false, "client"],
  ["feature_not_supported", "logical", "422", "The requested feature is not supported", "The requested feature is not supported.", false, "client"],
  ["store_error", "logical", "422", "The store returned an error", "The app store (Google Play or the App Store) returned an error.", true, "client"],
  ["purchase_invalid", "logical", "422", "Failure of purchase", "The purchase is invalid.", false, "client"],
  ["project_config_error", "logical", "422", "The project is not configured or configured incorrectly", "The project is not configured, or configured incorrectly, in the Qonversion dashboard.", false, "client"],
  ["invalid_store_credentials", "logical", "422", "Please check provided Store keys in the Qonversion dashboard", "The store credentials given to Qonversion are invalid.", false, "client"],
  ["receipt_validation_error", "logical", "422", "Receipt validation error", "The store receipt could not be validated.", false, "client"],
  ["backend_error", "internal", "5xx", "Internal error", "An error on Qonversion's side (the SDKs' BackendError).", true, "server"],
] as unknown as readonly CodeRow[];

const docsUrl = (key: string): string => "https://qonversion.github.io/api-errors/#" + key;

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

/** Metadata of every error code, keyed by code. */
export const errorCodes: Readonly<Record<ErrorCode, ErrorCodeInfo>> = /* @__PURE__ */ infoByCode();

function infoByCode(): Record<ErrorCode, ErrorCodeInfo> {
  const found: Record<string, ErrorCodeInfo> = {};
  for (const row of codeRows) {
    found[row[0]] = infoOf(row);
  }
  return found as Record<ErrorCode, ErrorCodeInfo>;
}

/** Titles of the HTTP statuses, keyed by status. */
export const httpStatusTitles: Readonly<Record<HttpStatus, string>> = {
  "200": "Success",
  "201": "Created",
  "204": "No Content",
  "400": "Bad Request",
  "401": "Unauthorized",
  "403": "Forbidden",
  "404": "Not Found",
  "409": "Conflict",
  "422": "Unprocessable Entity",
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
  readonly "reported_status"?: number | undefined | null;
  readonly "reason"?: string | undefined | null;
  readonly "extra"?: unknown | null;
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
  ["invalid_credentials", ["400" as HttpStatus]],
]);

// Shared through the global symbol registry, so two copies of this module recognise each
// other's errors where instanceof cannot.
const BRAND = Symbol.for("@qonversion/api-errors/QonversionError");

/** An error response from Qonversion API. */
export class QonversionError extends Error {
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
  static readonly errorName: string = "QonversionError";

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
  /** The HTTP status the body reports (legacy bodies only; often absent). */
  readonly reportedStatus: number | undefined;
  /** The reason phrase the body reports, such as Bad Request (legacy bodies only). */
  readonly reason: string | undefined;
  /** Further data of a legacy body (seen empty). */
  readonly extra: unknown;

  constructor(message?: string, init: ErrorInit = {}) {
    const cls = new.target as typeof QonversionError;
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
    this.reportedStatus = this.extras["reported_status"] as number | undefined;
    this.reason = this.extras["reason"] as string | undefined;
    this.extra = this.extras["extra"] as unknown;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The code's page in the published docs, as the catalogue says (the class's). */
  get docsUrl(): string | undefined {
    return (this.constructor as typeof QonversionError).docsUrl;
  }

  /** What the catalogue says the code, type or status class means (the class's). */
  get description(): string {
    return (this.constructor as typeof QonversionError).description;
  }

  /** Whose fault the error is, as the catalogue says (the class's). */
  get fault(): Fault | undefined {
    return (this.constructor as typeof QonversionError).fault;
  }

  /** Why the error's code, type or status class is deprecated, if it is (the class's). */
  get deprecated(): string | undefined {
    return (this.constructor as typeof QonversionError).deprecated;
  }

  /** The code to use instead of the error's deprecated code, if named (the class's). */
  get replacedBy(): ErrorCode | undefined {
    return (this.constructor as typeof QonversionError).replacedBy;
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
      class: (this.constructor as typeof QonversionError).errorName,
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
 * No answer from Qonversion API: the request failed on its way, or its answer did not
 * come. Such an error has no status, code or body; the HTTP client's error is its cause. See
 * call and translate.
 */
export class QonversionTransportError extends QonversionError {
  static override readonly defaultMessage: string = "No answer from Qonversion API";
  static override readonly description: string = "The request failed on its way, or its answer did not come.";
  static override readonly retryable: boolean | undefined = true;
  static override readonly errorName: string = "QonversionTransportError";
  /** Whether the class's requests may have reached the server. */
  static readonly sent: boolean = true;
  declare readonly name: "QonversionTransportError" | "QonversionConnectionError" | "QonversionTimeoutError";
  /**
   * Whether the request may have reached the server: false only when it certainly did not,
   * so that sending it again is safe.
   */
  readonly sent: boolean;

  constructor(message?: string, init: TransportErrorInit = {}) {
    super(message, init);
    this.sent = init.sent ?? (new.target as typeof QonversionTransportError).sent;
  }

  override toJSON(): ErrorData {
    return { ...super.toJSON(), sent: this.sent };
  }
}

/**
 * The request never reached Qonversion API (a refused connection, a name that does not
 * resolve, a failed TLS handshake): sending it again is safe.
 */
export class QonversionConnectionError extends QonversionTransportError {
  static override readonly description: string = "The request never reached the server: sending it again is safe.";
  static override readonly errorName: string = "QonversionConnectionError";
  static override readonly sent: boolean = false;
  declare readonly name: "QonversionConnectionError";
}

/** The request was sent, and no answer came in time: the server may have acted on it. */
export class QonversionTimeoutError extends QonversionTransportError {
  static override readonly description: string = "The request was sent, and no answer came in time.";
  static override readonly errorName: string = "QonversionTimeoutError";
  declare readonly name: "QonversionTimeoutError";
}

/** Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests. */
export class RequestError extends QonversionError {
  static override readonly type: ErrorType | undefined = "request" as ErrorType;
  static override readonly description: string = "Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests.";
  static override readonly fault: Fault | undefined = "client";
  static override readonly errorName: string = "RequestError";
  declare readonly name: "RequestError" | "InvalidDataError" | "InvalidRequestError" | "ControlUnauthorizedError" | "EndpointNotImplementedError" | "InvalidCredentialsError" | "InvalidClientUidError" | "UnknownClientPlatformError";
}

/** The request is valid, but the action could not be executed due to some reason. */
export class ResourceError extends QonversionError {
  static override readonly type: ErrorType | undefined = "resource" as ErrorType;
  static override readonly description: string = "The request is valid, but the action could not be executed due to some reason.";
  static override readonly fault: Fault | undefined = "client";
  static override readonly errorName: string = "ResourceError";
  declare readonly name: "ResourceError" | "NotFoundError" | "AlreadyExistsError";
}

/** The client can execute the required action but there is an error in communicating with the application. */
export class LogicalError extends QonversionError {
  static override readonly type: ErrorType | undefined = "logical" as ErrorType;
  static override readonly description: string = "The client can execute the required action but there is an error in communicating with the application.";
  static override readonly fault: Fault | undefined = "client";
  static override readonly errorName: string = "LogicalError";
  declare readonly name: "LogicalError" | "PurchaseFraudError" | "RelationNotFoundError" | "FeatureNotSupportedError" | "StoreError" | "PurchaseInvalidError" | "ProjectConfigError" | "InvalidStoreCredentialsError" | "ReceiptValidationError";
}

/** All request handling stages are successful, but there was an internal error. */
export class InternalError extends QonversionError {
  static override readonly type: ErrorType | undefined = "internal" as ErrorType;
  static override readonly description: string = "All request handling stages are successful, but there was an internal error.";
  static override readonly fault: Fault | undefined = "server";
  static override readonly errorName: string = "InternalError";
  declare readonly name: "InternalError" | "StorageError" | "NetworkError" | "UnknownError" | "BackendError";
}

type ErrorClass = typeof QonversionError;

/**
 * A code's class as tsc sees it: the statics every error class has, and errors of the code's
 * own interface. At run time it is a subclass of its type's class, made by codeClass.
 */
type CodeClass<Instance extends QonversionError> = Omit<ErrorClass, "prototype"> & {
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
function codeClass<Instance extends QonversionError>(
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

/** The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields. */
export interface InvalidDataError extends RequestError {
  readonly name: "InvalidDataError";
  readonly code: typeof ErrorCode.InvalidData;
}
/** The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields. */
export const InvalidDataError = /* @__PURE__ */ codeClass<InvalidDataError>(RequestError, "InvalidDataError", "invalid_data" as ErrorCode);

/** Unrecognized request URL. */
export interface InvalidRequestError extends RequestError {
  readonly name: "InvalidRequestError";
  readonly code: typeof ErrorCode.InvalidRequest;
}
/** Unrecognized request URL. */
export const InvalidRequestError = /* @__PURE__ */ codeClass<InvalidRequestError>(RequestError, "InvalidRequestError", "invalid_request" as ErrorCode);

/** Authorization is required to execute the request. */
export interface ControlUnauthorizedError extends RequestError {
  readonly name: "ControlUnauthorizedError";
  readonly code: typeof ErrorCode.ControlUnauthorized;
}
/** Authorization is required to execute the request. */
export const ControlUnauthorizedError = /* @__PURE__ */ codeClass<ControlUnauthorizedError>(RequestError, "ControlUnauthorizedError", "control_unauthorized" as ErrorCode);

/** Functionality at the requested address is not implemented. */
export interface EndpointNotImplementedError extends RequestError {
  readonly name: "EndpointNotImplementedError";
  readonly code: typeof ErrorCode.NotImplemented;
}
/** Functionality at the requested address is not implemented. */
export const EndpointNotImplementedError = /* @__PURE__ */ codeClass<EndpointNotImplementedError>(RequestError, "EndpointNotImplementedError", "not_implemented" as ErrorCode);

/** The requested resource is not found. */
export interface NotFoundError extends ResourceError {
  readonly name: "NotFoundError";
  readonly code: typeof ErrorCode.NotFound;
}
/** The requested resource is not found. */
export const NotFoundError = /* @__PURE__ */ codeClass<NotFoundError>(ResourceError, "NotFoundError", "not_found" as ErrorCode);

/** The requested resource already exists. */
export interface AlreadyExistsError extends ResourceError {
  readonly name: "AlreadyExistsError";
  readonly code: typeof ErrorCode.AlreadyExists;
}
/** The requested resource already exists. */
export const AlreadyExistsError = /* @__PURE__ */ codeClass<AlreadyExistsError>(ResourceError, "AlreadyExistsError", "already_exists" as ErrorCode);

/** Couldn't validate purchase with store request, potential fraud. */
export interface PurchaseFraudError extends LogicalError {
  readonly name: "PurchaseFraudError";
  readonly code: typeof ErrorCode.PurchaseFraud;
}
/** Couldn't validate purchase with store request, potential fraud. */
export const PurchaseFraudError = /* @__PURE__ */ codeClass<PurchaseFraudError>(LogicalError, "PurchaseFraudError", "purchase_fraud" as ErrorCode);

/** Nested objects could not be found or associated with other entity. */
export interface RelationNotFoundError extends LogicalError {
  readonly name: "RelationNotFoundError";
  readonly code: typeof ErrorCode.RelationNotFound;
}
/** Nested objects could not be found or associated with other entity. */
export const RelationNotFoundError = /* @__PURE__ */ codeClass<RelationNotFoundError>(LogicalError, "RelationNotFoundError", "relation_not_found" as ErrorCode);

/** Data was not saved. */
export interface StorageError extends InternalError {
  readonly name: "StorageError";
  readonly code: typeof ErrorCode.StorageError;
}
/** Data was not saved. */
export const StorageError = /* @__PURE__ */ codeClass<StorageError>(InternalError, "StorageError", "storage_error" as ErrorCode);

/** Internal services interaction failed. */
export interface NetworkError extends InternalError {
  readonly name: "NetworkError";
  readonly code: typeof ErrorCode.NetworkError;
}
/** Internal services interaction failed. */
export const NetworkError = /* @__PURE__ */ codeClass<NetworkError>(InternalError, "NetworkError", "network_error" as ErrorCode);

/** Unknown reason. */
export interface UnknownError extends InternalError {
  readonly name: "UnknownError";
  readonly code: typeof ErrorCode.UnknownError;
}
/** Unknown reason. */
export const UnknownError = /* @__PURE__ */ codeClass<UnknownError>(InternalError, "UnknownError", "unknown_error" as ErrorCode);

/** The access token is invalid or not set. */
export interface InvalidCredentialsError extends RequestError {
  readonly name: "InvalidCredentialsError";
  readonly code: typeof ErrorCode.InvalidCredentials;
}
/** The access token is invalid or not set. */
export const InvalidCredentialsError = /* @__PURE__ */ codeClass<InvalidCredentialsError>(RequestError, "InvalidCredentialsError", "invalid_credentials" as ErrorCode);

/** The client UID is invalid or not set. */
export interface InvalidClientUidError extends RequestError {
  readonly name: "InvalidClientUidError";
  readonly code: typeof ErrorCode.InvalidClientUid;
}
/** The client UID is invalid or not set. */
export const InvalidClientUidError = /* @__PURE__ */ codeClass<InvalidClientUidError>(RequestError, "InvalidClientUidError", "invalid_client_uid" as ErrorCode);

/** The client's platform is not supported. */
export interface UnknownClientPlatformError extends RequestError {
  readonly name: "UnknownClientPlatformError";
  readonly code: typeof ErrorCode.UnknownClientPlatform;
}
/** The client's platform is not supported. */
export const UnknownClientPlatformError = /* @__PURE__ */ codeClass<UnknownClientPlatformError>(RequestError, "UnknownClientPlatformError", "unknown_client_platform" as ErrorCode);

/** The requested feature is not supported. */
export interface FeatureNotSupportedError extends LogicalError {
  readonly name: "FeatureNotSupportedError";
  readonly code: typeof ErrorCode.FeatureNotSupported;
}
/** The requested feature is not supported. */
export const FeatureNotSupportedError = /* @__PURE__ */ codeClass<FeatureNotSupportedError>(LogicalError, "FeatureNotSupportedError", "feature_not_supported" as ErrorCode);

/** The app store (Google Play or the App Store) returned an error. */
export interface StoreError extends LogicalError {
  readonly name: "StoreError";
  readonly code: typeof ErrorCode.StoreError;
}
/** The app store (Google Play or the App Store) returned an error. */
export const StoreError = /* @__PURE__ */ codeClass<StoreError>(LogicalError, "StoreError", "store_error" as ErrorCode);

/** The purchase is invalid. */
export interface PurchaseInvalidError extends LogicalError {
  readonly name: "PurchaseInvalidError";
  readonly code: typeof ErrorCode.PurchaseInvalid;
}
/** The purchase is invalid. */
export const PurchaseInvalidError = /* @__PURE__ */ codeClass<PurchaseInvalidError>(LogicalError, "PurchaseInvalidError", "purchase_invalid" as ErrorCode);

/** The project is not configured, or configured incorrectly, in the Qonversion dashboard. */
export interface ProjectConfigError extends LogicalError {
  readonly name: "ProjectConfigError";
  readonly code: typeof ErrorCode.ProjectConfigError;
}
/** The project is not configured, or configured incorrectly, in the Qonversion dashboard. */
export const ProjectConfigError = /* @__PURE__ */ codeClass<ProjectConfigError>(LogicalError, "ProjectConfigError", "project_config_error" as ErrorCode);

/** The store credentials given to Qonversion are invalid. */
export interface InvalidStoreCredentialsError extends LogicalError {
  readonly name: "InvalidStoreCredentialsError";
  readonly code: typeof ErrorCode.InvalidStoreCredentials;
}
/** The store credentials given to Qonversion are invalid. */
export const InvalidStoreCredentialsError = /* @__PURE__ */ codeClass<InvalidStoreCredentialsError>(LogicalError, "InvalidStoreCredentialsError", "invalid_store_credentials" as ErrorCode);

/** The store receipt could not be validated. */
export interface ReceiptValidationError extends LogicalError {
  readonly name: "ReceiptValidationError";
  readonly code: typeof ErrorCode.ReceiptValidationError;
}
/** The store receipt could not be validated. */
export const ReceiptValidationError = /* @__PURE__ */ codeClass<ReceiptValidationError>(LogicalError, "ReceiptValidationError", "receipt_validation_error" as ErrorCode);

/** An error on Qonversion's side (the SDKs' BackendError). */
export interface BackendError extends InternalError {
  readonly name: "BackendError";
  readonly code: typeof ErrorCode.BackendError;
}
/** An error on Qonversion's side (the SDKs' BackendError). */
export const BackendError = /* @__PURE__ */ codeClass<BackendError>(InternalError, "BackendError", "backend_error" as ErrorCode);

/** An error of any code the catalogue documents: comparing its code (or its name) narrows it. */
export type KnownError = InvalidDataError | InvalidRequestError | ControlUnauthorizedError | EndpointNotImplementedError | NotFoundError | AlreadyExistsError | PurchaseFraudError | RelationNotFoundError | StorageError | NetworkError | UnknownError | InvalidCredentialsError | InvalidClientUidError | UnknownClientPlatformError | FeatureNotSupportedError | StoreError | PurchaseInvalidError | ProjectConfigError | InvalidStoreCredentialsError | ReceiptValidationError | BackendError;

// Each class as ErrorClass: the classes differ (by name and code), and a union of thousands of
// them is too complex for tsc.
const byCode: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<string, ErrorClass>([
  ["invalid_data", InvalidDataError as ErrorClass],
  ["invalid_request", InvalidRequestError as ErrorClass],
  ["control_unauthorized", ControlUnauthorizedError as ErrorClass],
  ["not_implemented", EndpointNotImplementedError as ErrorClass],
  ["not_found", NotFoundError as ErrorClass],
  ["already_exists", AlreadyExistsError as ErrorClass],
  ["purchase_fraud", PurchaseFraudError as ErrorClass],
  ["relation_not_found", RelationNotFoundError as ErrorClass],
  ["storage_error", StorageError as ErrorClass],
  ["network_error", NetworkError as ErrorClass],
  ["unknown_error", UnknownError as ErrorClass],
  ["invalid_credentials", InvalidCredentialsError as ErrorClass],
  ["invalid_client_uid", InvalidClientUidError as ErrorClass],
  ["unknown_client_platform", UnknownClientPlatformError as ErrorClass],
  ["feature_not_supported", FeatureNotSupportedError as ErrorClass],
  ["store_error", StoreError as ErrorClass],
  ["purchase_invalid", PurchaseInvalidError as ErrorClass],
  ["project_config_error", ProjectConfigError as ErrorClass],
  ["invalid_store_credentials", InvalidStoreCredentialsError as ErrorClass],
  ["receipt_validation_error", ReceiptValidationError as ErrorClass],
  ["backend_error", BackendError as ErrorClass],
]);

const byType: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<string, ErrorClass>([
  ["request", RequestError],
  ["resource", ResourceError],
  ["logical", LogicalError],
  ["internal", InternalError],
]);

// For a status whose documented codes all share one type; ranges are keyed like "5xx".
const byStatus: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<string, ErrorClass>([
  ["400", RequestError],
  ["401", RequestError],
  ["5xx", InternalError],
]);

// Status classes, by status: those chosen before the type, and those after it.
const statusClassesFirst: ReadonlyMap<string, ErrorClass> = /* @__PURE__ */ new Map<
  string,
  ErrorClass
>([
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
  [10008, "purchase_fraud" as ErrorCode],
  [10002, "invalid_credentials" as ErrorCode],
  [10003, "invalid_credentials" as ErrorCode],
  [10004, "invalid_client_uid" as ErrorCode],
  [10005, "invalid_client_uid" as ErrorCode],
  [20014, "invalid_client_uid" as ErrorCode],
  [10006, "unknown_client_platform" as ErrorCode],
  [20005, "feature_not_supported" as ErrorCode],
  [20006, "store_error" as ErrorCode],
  [20007, "store_error" as ErrorCode],
  [20109, "store_error" as ErrorCode],
  [20199, "store_error" as ErrorCode],
  [20300, "store_error" as ErrorCode],
  [20303, "store_error" as ErrorCode],
  [20399, "store_error" as ErrorCode],
  [20008, "purchase_invalid" as ErrorCode],
  [20010, "purchase_invalid" as ErrorCode],
  [20203, "purchase_invalid" as ErrorCode],
  [20210, "purchase_invalid" as ErrorCode],
  [20011, "project_config_error" as ErrorCode],
  [20012, "project_config_error" as ErrorCode],
  [20013, "project_config_error" as ErrorCode],
  [20104, "invalid_store_credentials" as ErrorCode],
  [20201, "invalid_store_credentials" as ErrorCode],
  [20100, "receipt_validation_error" as ErrorCode],
  [20102, "receipt_validation_error" as ErrorCode],
  [20103, "receipt_validation_error" as ErrorCode],
  [20105, "receipt_validation_error" as ErrorCode],
  [20107, "receipt_validation_error" as ErrorCode],
  [20108, "receipt_validation_error" as ErrorCode],
  [20110, "receipt_validation_error" as ErrorCode],
  [21099, "receipt_validation_error" as ErrorCode],
  [0, "backend_error" as ErrorCode],
  [10000, "backend_error" as ErrorCode],
  [10001, "backend_error" as ErrorCode],
  [10007, "backend_error" as ErrorCode],
  [10009, "backend_error" as ErrorCode],
  [20000, "backend_error" as ErrorCode],
  [20009, "backend_error" as ErrorCode],
  [20015, "backend_error" as ErrorCode],
  [20099, "backend_error" as ErrorCode],
  [20200, "backend_error" as ErrorCode],
]);
const codeOther: ReadonlySet<string> = /* @__PURE__ */ new Set<string>([
  "invalid_credentials",
  "invalid_client_uid",
  "unknown_client_platform",
  "feature_not_supported",
  "store_error",
  "purchase_invalid",
  "project_config_error",
  "invalid_store_credentials",
  "receipt_validation_error",
  "backend_error",
]);
// What a server writes for each ErrorCode whose canonical wire value is not its key.
const codeWire: ReadonlyMap<string, Wire> = /* @__PURE__ */ new Map<string, Wire>([
  ["invalid_credentials", 10002],
  ["invalid_client_uid", 10004],
  ["unknown_client_platform", 10006],
  ["feature_not_supported", 20005],
  ["store_error", 20006],
  ["purchase_invalid", 20008],
  ["project_config_error", 20011],
  ["invalid_store_credentials", 20104],
  ["receipt_validation_error", 20100],
  ["backend_error", 0],
]);
const typeAliases: ReadonlyMap<Wire, ErrorType> = /* @__PURE__ */ new Map<
  Wire,
  ErrorType
>([
]);
const typeOther: ReadonlySet<string> = /* @__PURE__ */ new Set<string>([
]);
// What a server writes for each ErrorType whose canonical wire value is not its key.
const typeWire: ReadonlyMap<string, Wire> = /* @__PURE__ */ new Map<string, Wire>([
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
  ["reported_status", "integer"],
  ["reason", "string"],
  ["extra", "object"],
]);

// The extras only some codes' bodies carry, by the values a server sends for the code.
const codeExtras: ReadonlyMap<Wire, readonly Extra[]> = /* @__PURE__ */ new Map<
  Wire,
  readonly Extra[]
>([
]);

const envelopes: readonly Envelope[] = [
  {
    name: "v3",
    type: "$.error.type",
    code: "$.error.code",
    message: "$.error.message",
    reference: "$._meta.reference",
    fields: [
      {
        path: "$._meta.fields",
        name: "$.name",
        messages: "$.messages",
        message: undefined,
      },
      {
        path: "$._meta.validation.fields",
        name: "$.name",
        messages: "$.messages",
        message: undefined,
      },
    ],
  },
  {
    name: "v4",
    type: "$.error.type",
    code: "$.error.code",
    message: "$.error.message",
    reference: undefined,
    fields: [
      {
        path: "$.error.details",
        name: "$.field",
        messages: undefined,
        message: "$.message",
      },
    ],
  },
  {
    name: "legacy",
    type: undefined,
    code: "$.data.code",
    message: "$.data.message",
    reference: undefined,
    fields: [
    ],
    when: {
      present: [
        "$.data",
      ],
    },
    extras: [
      { name: "reported_status", path: "$.data.status", kind: "integer" },
      { name: "reason", path: "$.data.name", kind: "string" },
      { name: "extra", path: "$.data.extra", kind: "object" },
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
export function isQonversionError(value: unknown): value is QonversionError {
  return (
    value instanceof QonversionError ||
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
      QonversionError,
      QonversionTransportError,
      QonversionConnectionError,
      QonversionTimeoutError,
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
    QonversionError
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
export function fromJSON(data: unknown): QonversionError {
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
): [QonversionError, boolean] {
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
    QonversionError,
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
 * else QonversionError.
 */
export function fromResponse<Body>(
  status: number | undefined,
  body?: Body & NotRead<Body>,
  headers?: HeadersLike,
): QonversionError {
  const known = integer(status);
  try {
    return build(known, body, headers)[0];
  } catch {
    return new QonversionError(undefined, { status: known, body, headers });
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
): QonversionError | undefined {
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
export async function fromFetchResponse(response: FetchResponseLike): Promise<QonversionError> {
  return fromResponse(response.status, await bodyText(response), response.headers);
}

/** The error a fetch Response is (see errorFor), or undefined for a success, whose body is
 * read only when an envelope reads errors from successes. */
export async function errorForFetchResponse(
  response: FetchResponseLike,
): Promise<QonversionError | undefined> {
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
  connection: QonversionConnectionError,
  timeout: QonversionTimeoutError,
  transport: QonversionTransportError,
} as const;

/**
 * The error of this API an HTTP client's error stands for, else undefined: a failure to get an
 * answer (fetch's, axios', node:http's) gives a QonversionTransportError, a QonversionConnectionError when the
 * request never left, a QonversionTimeoutError when no answer came in time; an axios error for an
 * error status gives the error its response is. The original error is the result's cause. A
 * request the caller aborted gives undefined.
 */
export function translate(error: unknown): QonversionError | undefined {
  if (isQonversionError(error)) {
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

function withCause(found: QonversionError, cause: unknown): QonversionError {
  Object.defineProperty(found, "cause", { value: cause, writable: true, configurable: true });
  return found;
}

/**
 * `await call(() => fetch(...))` (or any request that returns a promise) turns what the HTTP
 * client throws into this API's errors (see translate): catching QonversionError then catches
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

function answer(error: QonversionError, name: string | undefined): { chosen: Envelope; body: unknown } {
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

function answerStatus(error: QonversionError, envelope: Envelope): number {
  const cls = error.constructor as typeof QonversionError;
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
