/**
 * What tsc makes of the generated TypeScript module's classes, compiled under the generated
 * tsconfig's strict flags: each `@ts-expect-error` below is an error tsc must report (it fails
 * on one that is not), and each `same<...>()` a type it must infer. Run in node, it also passes.
 *
 * The bindings are imported from ./bindings/index.ts, as the usage probe's are.
 */
import {
  ErrorCode,
  NotFoundError,
  QonversionConnectionError,
  QonversionError,
  QonversionTimeoutError,
  QonversionTransportError,
  RequestError,
  ResourceError,
  StorageError,
  call,
  fromResponse,
  type AnyErrorCode,
  type KnownError,
} from "./bindings/index.ts";

declare const console: { log(...values: unknown[]): void };

type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function same<A, B>(check: Same<A, B>): void {
  void check;
}

export function codeNarrowsByClass(error: QonversionError): void {
  same<typeof error.code, AnyErrorCode | number | undefined>(true);
  if (error instanceof NotFoundError) {
    same<typeof error.code, typeof ErrorCode.NotFound>(true);
    same<typeof error.name, "NotFoundError">(true);
  }
  if (error instanceof QonversionTransportError) {
    same<typeof error.sent, boolean>(true);
  }
}

export function knownErrorsNarrowByCodeAndName(error: KnownError): string {
  if (error.code === ErrorCode.NotFound) {
    same<typeof error, NotFoundError>(true);
  }
  switch (error.name) {
    case "StorageError":
      same<typeof error, StorageError>(true);
      return "storage";
    default:
      return "other";
  }
}

export function classesAreNotInterchangeable(): unknown[] {
  // @ts-expect-error a StorageError is no NotFoundError
  const notFound: NotFoundError = new StorageError();
  // @ts-expect-error a RequestError is no ResourceError
  const resource: ResourceError = new RequestError();
  // @ts-expect-error a connection failure is no timeout
  const timeout: QonversionTimeoutError = new QonversionConnectionError();
  // @ts-expect-error the base class is no known code's
  const known: KnownError = new QonversionError();
  return [notFound, resource, timeout, known];
}

/** Not run: the second would be a TypeError at run time too. */
export function extrasAreTyped(): QonversionError[] {
  return [
    new QonversionError("x", { extras: { reported_status: 404, reason: "Not Found" } }),
    // @ts-expect-error reported_status is a number
    new QonversionError("x", { extras: { reported_status: "four" } }),
    // @ts-expect-error the catalogue declares no such extra
    new QonversionError("x", { extras: { no_such_extra: 1 } }),
  ];
}

export function codesAreReadOnly(error: NotFoundError): void {
  // @ts-expect-error a code is read-only
  error.code = ErrorCode.StorageError;
}

export function instancesSayWhatTheCatalogueSays(error: QonversionError): void {
  same<typeof error.retryable, boolean>(true);
  same<typeof error.docsUrl, string | undefined>(true);
  same<typeof error.description, string>(true);
  void error.fault;
  const caused = new QonversionError("wrapped", { cause: error });
  void caused.cause;
}

/** A fetch Response as far as these checks need (the tsconfig's lib has no DOM). */
interface FetchResponse {
  readonly status: number;
  readonly body: { getReader(): unknown } | null;
  readonly bodyUsed: boolean;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function streamsAreRefused(response: FetchResponse): Promise<void> {
  // @ts-expect-error a stream's text needs awaiting: fromFetchResponse reads it
  fromResponse(response.status, response.body);
  // @ts-expect-error so does a Response's
  fromResponse(response.status, response);
  await call(async () => response);
}

const found = fromResponse(404, { code: "not_found" }) as QonversionError;
codeNarrowsByClass(found);
if (knownErrorsNarrowByCodeAndName(new StorageError()) !== "storage") {
  throw new Error("the name did not narrow");
}
instancesSayWhatTheCatalogueSays(found);
console.log("typing: ok");
