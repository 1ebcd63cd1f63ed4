// Generated from catalogue.yaml by error-bindings. Do not edit.
// Standard library only; compile with kotlinc -jvm-target 17 or newer.
@file:Suppress("DEPRECATION")

package acme.errors

import acme.errors.wire.Envelope
import acme.errors.wire.Field
import acme.errors.wire.codeKey
import acme.errors.wire.headerMap
import acme.errors.wire.key
import acme.errors.wire.plain
import acme.errors.wire.read
import acme.errors.wire.readsStatus
import acme.errors.wire.requestId
import acme.errors.wire.retryAfter
import acme.errors.wire.statusEntry
import java.io.ByteArrayOutputStream
import java.io.IOException
import java.io.InputStream
import java.io.InterruptedIOException
import java.math.BigDecimal
import java.net.ConnectException
import java.net.HttpURLConnection
import java.net.NoRouteToHostException
import java.net.SocketTimeoutException
import java.net.UnknownHostException
import javax.net.ssl.SSLHandshakeException
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds

/** Whose fault an error is. */
enum class Fault(val value: String) {
    /** The request's: sending it again as it is fails again. */
    Client("client"),

    /** The server's. */
    Server("server"),
}

/**
 * What the catalogue says of a kind of error: a code, a type, a status class, or a failure to
 * get an answer (see [ErrorCode.info], [ErrorType.info], [AcmeError.kinds]).
 */
class ErrorInfo internal constructor(
    /** The simple name of the class its errors are, such as "NotFoundError". */
    val className: String,
    /** The code it stands for (null unless it is a code's). */
    val code: ErrorCode?,
    /** The type it stands for, or its code's type. */
    val type: ErrorType?,
    /** The kind it is a kind of: a code's type, a failure's transport failure. */
    val parent: ErrorInfo?,
    /** The statuses the catalogue documents it with, the main one first ("404", "5xx"). */
    val statuses: List<String>,
    /** The status a server answers with, where the catalogue names one. */
    val answerStatus: Int?,
    /** The message of an error that comes without one. */
    val defaultMessage: String,
    /** What the catalogue says it means. */
    val description: String,
    /** Whether retrying may succeed, where the catalogue says (else the status decides). */
    val retryable: Boolean?,
    /** Whether it says the client is sending too much. */
    val throttling: Boolean,
    /** Whose fault it is, where the catalogue says. */
    val fault: Fault?,
    /** Its page in the published docs. */
    val docsUrl: String?,
    /** Its page in the API's own reference. */
    val referenceUrl: String?,
    /** Why it is deprecated and what to use instead (null when it is not). */
    val deprecated: String?,
    /** The code to use instead of a deprecated code, where the catalogue names one. */
    val replacedBy: ErrorCode?,
    /** The values a server sends for its code or type where they are not its key, as the runtime holds them. */
    internal val sentAs: List<Any>,
    /** Whether a failure to get an answer may have reached the server. */
    internal val sent: Boolean,
    private val index: Int,
    private val maker: Maker,
) {
    /**
     * Makes the errors of a group of kinds, each by its index in the group: one class for a
     * group, where a lambda for each kind would be a class the JVM makes at first use.
     */
    internal fun interface Maker {
        fun make(index: Int, details: ErrorDetails): AcmeError
    }

    internal fun make(details: ErrorDetails): AcmeError = maker.make(index, details)

    /**
     * The values a server sends for its code or type where they are not its key, the first
     * being the one a server writes: strings, or numbers as java.math.BigDecimal.
     */
    val wire: List<Any> get() = sentAs.mapNotNull { plain(it) }

    internal fun retryable(status: Int?): Boolean {
        var found: ErrorInfo? = this
        while (found != null) {
            found.retryable?.let { return it }
            found = found.parent
        }
        return status != null && status in Catalog.retryStatuses
    }

    override fun toString(): String = className
}

/** An error in one field of the request. */
class FieldError(
    val name: String,
    val messages: List<String> = emptyList(),
    /** The field's code as the server sent it: a String, a BigDecimal or null. */
    val code: Any? = null,
    /** The field's type as the server sent it: a String, a BigDecimal or null. */
    val type: Any? = null,
    /** The JSON pointer to the field, where the server sent one. */
    val pointer: String? = null,
) {
    override fun toString(): String = "$name: ${messages.joinToString("; ")}"
}

/** One of several errors a response carries. */
class ErrorItem(
    /** The item's code: a constant when known, else what the server sent. */
    val code: ErrorCode?,
    /** Exactly what the server sent as the code: a String, a BigDecimal or null. */
    val rawCode: Any?,
    val type: ErrorType?,
    val rawType: Any?,
    val message: String?,
    val fields: List<FieldError>,
    val extras: Map<String, Any?>,
)

/** What the catalogue keeps of a code the API no longer sends (see [AcmeError.tombstone]). */
class Removed internal constructor(
    val key: String,
    /** The values a server sent for it: strings, or numbers as java.math.BigDecimal. */
    val wire: List<Any>,
    /** The last status it came with (a status or a range). */
    val status: String,
    /** The last type it had, which may be gone too. */
    val type: String?,
    /** The API version that stopped sending it. */
    val removedIn: String,
    val note: String?,
    val replacedBy: ErrorCode?,
)

/**
 * What an error holds besides its class: what [AcmeError.fromResponse] read, or what you
 * give an error you make (in a test, or a fake client). What you leave out comes from the
 * catalogue (the default message, the code and type of the class, retryable, throttled).
 */
class ErrorDetails(
    val status: Int? = null,
    val message: String? = null,
    val code: ErrorCode? = null,
    val rawCode: Any? = null,
    val type: ErrorType? = null,
    val rawType: Any? = null,
    val reference: String? = null,
    val fields: List<FieldError> = emptyList(),
    val errors: List<ErrorItem> = emptyList(),
    val extras: Map<String, Any?> = emptyMap(),
    val headers: Map<String, List<String>> = emptyMap(),
    val requestId: String? = null,
    val retryAfter: Duration? = null,
    val retryable: Boolean? = null,
    val throttled: Boolean? = null,
    val removed: Boolean = false,
    val sent: Boolean? = null,
    val body: ByteArray? = null,
    val cause: Throwable? = null,
)

/**
 * An error of Acme API: one the server answered with, or a failure to get an
 * answer. It keeps everything the server sent. Its direct subclasses are a class for each
 * type of error and [AcmeOtherError] for the rest, so a `when` over them needs no `else`;
 * each code has a class under its type's.
 *
 * Make one of a response with [fromResponse] (or [errorFor], [fromHttpURLConnection]), and
 * one of an HTTP client's exception with [translate].
 */
sealed class AcmeError protected constructor(
    details: ErrorDetails,
    /** What the catalogue says of the error's kind. */
    val info: ErrorInfo,
) : RuntimeException(details.message ?: info.defaultMessage, details.cause) {
    /** The server's message, else the kind's default message. */
    override val message: String = details.message ?: info.defaultMessage

    /** The HTTP status of the response (null when there was none). */
    val status: Int? = details.status

    /**
     * The error's code: a constant when known, else what the server sent (a number as its
     * JSON text); null when it sent none.
     */
    val code: ErrorCode? = details.code ?: info.code

    /** Exactly what the server sent as the code: a String, a BigDecimal or null. */
    val rawCode: Any? = details.rawCode

    /** The error's type: a constant when known, else what the server sent. */
    val type: ErrorType? = details.type ?: info.type

    /** Exactly what the server sent as the type: a String, a BigDecimal or null. */
    val rawType: Any? = details.rawType

    /** The documentation link the server sent. */
    val reference: String? = details.reference

    /** The field errors. */
    val fields: List<FieldError> = details.fields

    /** Every error the response carries, when it carries several. */
    val errors: List<ErrorItem> = details.errors

    /**
     * The members the catalogue declares that the server sent, by their catalogue names:
     * numbers are BigDecimal, objects Map<String, Any?>, arrays List<Any?>.
     */
    val extras: Map<String, Any?> = details.extras

    /** The response's headers, by lower-case name. */
    val headers: Map<String, List<String>> = details.headers

    /** The request id the response carries, for the API's support. */
    val requestId: String? = details.requestId

    /** How long the response asks to wait before retrying, if it says. */
    val retryAfter: Duration? = details.retryAfter

    /** Whether retrying may succeed: the code's word when known, else the status's. */
    val retryable: Boolean = details.retryable ?: info.retryable(details.status)

    /** Whether the client is sending too much: a 429, or a code that says so. */
    val throttled: Boolean = details.throttled ?: (details.status == 429 || info.throttling)

    /** Whether the server sent a code the catalogue lists as removed (see [tombstone]). */
    val removed: Boolean = details.removed

    /**
     * For a failure to get an answer: whether the request may have reached the server (false
     * only when it certainly did not, so that sending it again is safe).
     */
    val sent: Boolean = details.sent ?: info.sent

    /** The body of the response, as it came. */
    val body: ByteArray? = details.body

    /** Whose fault the error is, as the catalogue says of its kind. */
    val fault: Fault? get() = info.fault

    // The members below call no function by its simple name: a property of an extra (say
    // run_catching's) would hide it.

    /** The headers with the value of each secret one replaced. */
    val redactedHeaders: Map<String, List<String>> get() = Catalog.redacted(headers)

    /** The class, the code, message, status and request id. */
    override fun toString(): String = Catalog.shown(this)

    companion object {
        /** How much of a body [fromHttpURLConnection] reads. */
        @JvmStatic
        var maxBodyBytes: Int = 1 shl 20

        /**
         * The error for a response: its status, headers and body. It never throws: whatever
         * the body holds, the error keeps the raw code, type, message and body. Its class is
         * the code's, else a status class that wins over the type, else the type's, else any
         * other status class, else the one type of the status's codes, else [AcmeOtherError].
         */
        @JvmStatic
        @JvmOverloads
        fun fromResponse(
            status: Int,
            headers: Map<String, List<String>> = emptyMap(),
            body: ByteArray = ByteArray(0),
        ): AcmeError = try {
            build(status, headers, body).first
        } catch (failure: Throwable) {
            if (failure is VirtualMachineError && failure !is StackOverflowError) throw failure
            AcmeOtherError(ErrorDetails(status = status.takeIf { it != 0 }, headers = lowerCase(headers), body = body))
        }

        /**
         * The error a response is, or null for a success: any 4xx or 5xx response is an
         * error; a response of another status is one only when an envelope that reads that
         * status finds a code or a type in its body (an API that answers errors with 200).
         */
        @JvmStatic
        @JvmOverloads
        fun errorFor(
            status: Int,
            headers: Map<String, List<String>> = emptyMap(),
            body: ByteArray = ByteArray(0),
        ): AcmeError? {
            if (status == 0 || status in 400..599) return fromResponse(status, headers, body)
            if (!readsStatus(Catalog.envelopes, status)) return null
            return try {
                build(status, headers, body).takeIf { it.second }?.first
            } catch (failure: Throwable) {
                if (failure is VirtualMachineError && failure !is StackOverflowError) throw failure
                null
            }
        }

        /**
         * The error of a finished [HttpURLConnection], or null for a success (see [errorFor]):
         * reads at most [maxBodyBytes] of the error stream (or of the body, for an API that
         * answers errors with 200, whose body is then read).
         */
        @JvmStatic
        fun fromHttpURLConnection(connection: HttpURLConnection): AcmeError? {
            val status = connection.responseCode
            val headers = connection.headerFields.orEmpty()
            if (status !in 400..599 && !readsStatus(Catalog.envelopes, status)) return null
            val stream = if (status >= 400) connection.errorStream else connection.inputStream
            val body = stream?.use { read(it, maxBodyBytes) } ?: ByteArray(0)
            return errorFor(status, headers, body)
        }

        /**
         * The error of this API an HTTP client's exception stands for, else null: a request
         * that never reached the server ([ConnectException], [UnknownHostException], a failed
         * TLS handshake) gives a [AcmeConnectionError], one whose answer did not come in time a
         * [AcmeTimeoutError], any other [IOException] a [AcmeTransportError]; each has the exception as
         * its cause. An error of this package (itself, or as the cause) is given back as it is.
         */
        @JvmStatic
        fun translate(error: Throwable): AcmeError? {
            // Down the causes, each once: a cycle of them ends too.
            val seen = java.util.IdentityHashMap<Throwable, Boolean>()
            var found: Throwable? = error
            while (found != null && seen.put(found, true) == null) {
                if (found is AcmeError) return found
                found = found.cause
            }
            val make: (ErrorDetails) -> AcmeError = when (error) {
                is ConnectException, is UnknownHostException, is NoRouteToHostException,
                is SSLHandshakeException -> ::AcmeConnectionError
                is SocketTimeoutException, is InterruptedIOException -> ::AcmeTimeoutError
                is IOException -> ::AcmeTransportError
                else -> return null
            }
            return make(ErrorDetails(message = error.message ?: error.toString(), cause = error))
        }

        /**
         * What the catalogue says of a code: by its key, a value the server sends for it (a
         * String, a number) or its class's name; else by any of these ignoring case, when
         * exactly one code matches; null for anything else.
         */
        @JvmStatic
        fun lookup(code: Any): ErrorInfo? = Catalog.lookup(code)

        /**
         * What the catalogue keeps of a removed code, by its key or a value a server sent for
         * it; null for any other code. To [lookup] and [fromResponse] a removed code is an
         * unknown one.
         */
        @JvmStatic
        fun tombstone(code: Any): Removed? = Catalog.tombstone(code)

        /**
         * Every kind of error the package knows: the failures to get an answer, then the
         * catalogue's status classes, types and codes, in its order.
         */
        @JvmStatic
        val kinds: List<ErrorInfo> get() = Catalog.kinds
    }
}

/**
 * An error of no type the catalogue declares: a code without a type, a status class, a failure
 * to get an answer, or an error the catalogue knows nothing of (this class itself).
 */
open class AcmeOtherError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    AcmeError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.other)
}

/**
 * A failure to get an answer from Acme API: the request failed on its way, or its
 * answer did not come. It has no status, code or body; its cause is the HTTP client's
 * exception (see [AcmeError.translate]).
 */
open class AcmeTransportError internal constructor(details: ErrorDetails, info: ErrorInfo) :
    AcmeOtherError(details, info) {
    constructor(details: ErrorDetails = ErrorDetails()) : this(details, Catalog.transport)
}

/** A request that never reached the server: sending it again is safe. */
class AcmeConnectionError(details: ErrorDetails = ErrorDetails()) :
    AcmeTransportError(details, Catalog.connection)

/** A request that was sent, and whose answer did not come in time: the server may have acted on it. */
class AcmeTimeoutError(details: ErrorDetails = ErrorDetails()) :
    AcmeTransportError(details, Catalog.timeout)

private fun lowerCase(headers: Map<String, List<String>>): Map<String, List<String>> {
    val found = LinkedHashMap<String, List<String>>()
    for (entry in headers.entries) {
        // From Java a name, a list or a value may be null (HttpURLConnection's status line).
        val name: String? = entry.key
        val given: List<String?>? = entry.value
        val values = given.orEmpty().filterNotNull()
        if (name == null) continue
        val lower = name.lowercase()
        found[lower] = found[lower].orEmpty() + values
    }
    return found
}

private fun text(value: Any?): String? = value as? String

/** At most limit bytes of a stream (InputStream.readNBytes is Java 11's, and Android 33's). */
private fun read(stream: InputStream, limit: Int): ByteArray {
    val out = ByteArrayOutputStream()
    val buffer = ByteArray(8192)
    while (out.size() < limit) {
        val count = stream.read(buffer, 0, minOf(buffer.size, limit - out.size()))
        if (count < 0) break
        out.write(buffer, 0, count)
    }
    return out.toByteArray()
}

/** A wire value as text: a string as itself, a number as its JSON text. */
private fun wireText(value: Any?): String? = when (val found = plain(value)) {
    is String -> found
    is BigDecimal -> found.toString()
    null -> null
    else -> found.toString()
}

private fun codeOf(raw: Any?, envelope: Envelope?): ErrorCode? =
    if (raw == null) null else Catalog.codeAliases[key(codeKey(raw, envelope))]

private fun typeOf(raw: Any?): ErrorType? =
    if (raw == null) null else Catalog.typeAliases[key(raw)]

private fun fieldErrors(found: List<Field>): List<FieldError> = found.map {
    FieldError(it.name, it.messages.toList(), plain(it.code), plain(it.type), text(it.pointer))
}

@Suppress("UNCHECKED_CAST")
private fun extrasOf(found: Any?): Map<String, Any?> = (plain(found) as? Map<String, Any?>).orEmpty()

/** The error of a response, and whether its body said a code or a type. */
private fun build(status: Int, headers: Map<String, List<String>>, body: ByteArray): Pair<AcmeError, Boolean> {
    val lower = lowerCase(headers)
    val single = headerMap(lower)
    val said = read(
        status, body, single, Catalog.envelopes,
        { raw, envelope -> codeOf(raw, envelope) != null },
        { sent -> Catalog.codeExtras[sent].orEmpty() },
    )
    val code = codeOf(said.rawCode, said.codeEnvelope)
    val gone = if (code == null && said.rawCode != null) {
        Catalog.removedBySent[key(codeKey(said.rawCode, said.codeEnvelope))]
    } else {
        null
    }
    // A removed code is unknown; a body without any type takes its last type, if still a type.
    var type = typeOf(said.rawType)
    if (type == null && said.rawType == null && gone?.type != null && gone.type in Catalog.types) {
        type = ErrorType(gone.type)
    }
    val info = choose(code?.let { Catalog.codes[it.value] }, type?.let { Catalog.types[it.value] }, status)
    val seconds = retryAfter(single, System.currentTimeMillis())
    val details = ErrorDetails(
        status = status.takeIf { it != 0 },
        message = text(said.message),
        code = code ?: wireText(said.rawCode)?.let(::ErrorCode),
        rawCode = plain(said.rawCode),
        type = type ?: wireText(said.rawType)?.let(::ErrorType),
        rawType = plain(said.rawType),
        reference = text(said.reference),
        fields = fieldErrors(said.fields),
        errors = said.errors.map { item ->
            ErrorItem(
                code = codeOf(item.rawCode, item.envelope) ?: wireText(item.rawCode)?.let(::ErrorCode),
                rawCode = plain(item.rawCode),
                type = typeOf(item.rawType) ?: wireText(item.rawType)?.let(::ErrorType),
                rawType = plain(item.rawType),
                message = text(item.message),
                fields = fieldErrors(item.fields),
                extras = extrasOf(item.extras),
            )
        },
        extras = extrasOf(said.extras),
        headers = lower,
        requestId = requestId(single, Catalog.requestIdHeaders) ?: text(said.requestId),
        retryAfter = seconds?.let { (it * 1000).toLong().milliseconds },
        retryable = info.retryable(status.takeIf { it != 0 }),
        throttled = status == 429 || info.throttling,
        removed = gone != null,
        body = body,
    )
    return info.make(details) to (said.rawCode != null || said.rawType != null)
}

/**
 * The kind of an error: its code's, else a status class that wins over the type, else its
 * type's, else any other status class, else the one type of its status's codes.
 */
private fun choose(code: ErrorInfo?, type: ErrorInfo?, status: Int): ErrorInfo =
    code ?: statusEntry(status, Catalog.statusClassesFirst) ?: type
        ?: statusEntry(status, Catalog.statusClassesLast) ?: statusEntry(status, Catalog.typeByStatus)
        ?: Catalog.other
