// The Kotlin side of tests/bindings.py: every generated Kotlin package of a test run, driven
// through the same jobs as the Python and TypeScript ones, in one JVM.
//
// tests/kotlinc.py compiles each catalogue's package (renamed k<N>.<package>) with a copy of
// Adapter.kt, writes Registry.kt (the adapters by catalogue name) and jobs.json, and runs
// main; Checks.kt says whether the runtime's own tests run too. What a package makes of each response and a description of its kinds go to
// results.json; failures of the checks made here go to stderr and the exit status.
package harness

import com.sun.net.httpserver.HttpServer
import java.io.File
import java.io.IOException
import java.math.BigDecimal
import java.net.HttpURLConnection
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.URI

/** A generated package, as its adapter (tests/kotlin/Adapter.kt) drives it. */
interface Binding {
    fun read(status: Int, headers: Map<String, List<String>>, body: ByteArray): MutableMap<String, Any?>
    fun isError(status: Int, headers: Map<String, List<String>>, body: ByteArray): Boolean
    fun fromConnection(connection: HttpURLConnection): Map<String, Any?>?
    fun translate(error: Throwable): String
    fun checks(): List<String>
    fun describe(): Map<String, Any?>
}

val failures = mutableListOf<String>()

fun main(arguments: Array<String>) {
    val root = File(arguments[0])
    val jobs = Json.parse(File(root, "jobs.json").readText()) as List<*>
    val results = LinkedHashMap<String, Any?>()
    for ((index, job) in jobs.withIndex()) {
        job as Map<*, *>
        val api = job["api"] as String
        val binding = registry[api] ?: error("no package registered for $api")
        val responses = (job["responses"] as List<*>).map { Response(it as Map<*, *>) }
        val read = responses.map { binding.read(it.status, it.headers, it.body) }
        checked(api, binding, responses)
        failures += binding.checks().map { "$api: $it" }
        if (index == 0) failuresToConnect(api, binding) // the same code in every package: once a run
        results[api] = mapOf("read" to read, "description" to binding.describe())
    }
    File(root, "results.json").writeText(Json.write(results))
    failures += runtimeChecks(root)
    if (failures.isNotEmpty()) {
        System.err.println(failures.joinToString("\n"))
        kotlin.system.exitProcess(1)
    }
}

class Response(found: Map<*, *>) {
    val status = (found["status"] as BigDecimal).intValueExact()
    val headers: Map<String, List<String>> = buildMap {
        for ((name, value) in found["headers"] as Map<*, *>? ?: emptyMap<String, String>()) {
            put(name as String, listOf(value as String))
        }
        (found["content_type"] as String?)?.let { put("Content-Type", listOf(it)) }
    }
    val body: ByteArray = (found["body"] as String?)?.toByteArray(Charsets.UTF_8) ?: ByteArray(0)
}

/**
 * fromHttpURLConnection makes an error of a response served over loopback exactly when
 * errorFor does, and the same error.
 */
fun checked(api: String, binding: Binding, responses: List<Response>) {
    val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
    // Responses the JDK's server will not send as they are (a header it refuses): skipped.
    val unservable = java.util.concurrent.ConcurrentHashMap.newKeySet<Int>()
    server.createContext("/") { exchange ->
        val index = exchange.requestURI.path.trim('/').toInt()
        val response = responses[index]
        try {
            for ((name, values) in response.headers) exchange.responseHeaders[name] = values
            val empty = response.body.isEmpty()
            exchange.sendResponseHeaders(response.status, if (empty) -1 else response.body.size.toLong())
            if (!empty) exchange.responseBody.use { it.write(response.body) }
        } catch (refused: RuntimeException) {
            unservable += index
        } finally {
            exchange.close()
        }
    }
    server.start()
    try {
        for ((index, response) in responses.withIndex()) {
            // Statuses a server sends without a body, or none a server sends.
            if (response.status !in 200..599 || response.status in listOf(204, 304)) continue
            val connection = URI("http://127.0.0.1:${server.address.port}/$index").toURL().openConnection() as HttpURLConnection
            connection.readTimeout = 10_000
            val found = try {
                binding.fromConnection(connection)
            } catch (failed: IOException) {
                if (index in unservable) continue
                throw failed
            } finally {
                connection.disconnect()
            }
            val direct = if (binding.isError(response.status, response.headers, response.body)) {
                binding.read(response.status, response.headers, response.body)
            } else {
                null
            }
            val same = listOf("class", "code", "raw_code", "type", "message", "fields", "extras")
            if (found?.filterKeys { it in same } != direct?.filterKeys { it in same }) {
                failures += "$api response $index: fromHttpURLConnection gave $found, errorFor $direct"
            }
        }
    } finally {
        server.stop(0)
    }
}

/** What an HTTP client's exception stands for, as translate says. */
fun failuresToConnect(api: String, binding: Binding) {
    fun failure(request: () -> Unit): Throwable = try {
        request()
        error("the request did not fail")
    } catch (caught: IOException) {
        caught
    }
    val refused = failure { URI("http://127.0.0.1:1/").toURL().openConnection().getInputStream() }
    val timedOut = ServerSocket(0).use { silent ->
        failure {
            val connection = URI("http://127.0.0.1:${silent.localPort}/").toURL().openConnection()
            connection.readTimeout = 50
            connection.getInputStream()
        }
    }
    // Closes every connection it is asked for (HttpURLConnection sends a GET again once).
    val hungUp = ServerSocket(0).use { closing ->
        val thread = Thread {
            try {
                while (true) closing.accept().close()
            } catch (_: IOException) {
                // closed: the request has failed
            }
        }
        thread.start()
        val found = failure {
            val connection = URI("http://127.0.0.1:${closing.localPort}/").toURL().openConnection()
            connection.readTimeout = 10_000
            connection.getInputStream()
        }
        closing.close()
        thread.join()
        found
    }
    for ((error, want) in listOf(
        refused to "ConnectionError sent=false",
        timedOut to "TimeoutError sent=true",
        hungUp to "TransportError sent=true",
        IllegalStateException("no failure of a request") to "null",
    )) {
        // The classes are named after the API's prefix.
        val got = binding.translate(error)
        if (!got.endsWith(want)) failures += "$api: translate($error) gave $got, not …$want"
    }
}

/** JSON as the harness reads jobs and writes results: numbers as BigDecimal. */
object Json {
    fun parse(text: String): Any? {
        val reader = Reader(text)
        val value = reader.value()
        reader.blank()
        check(reader.at == text.length) { "trailing data at ${reader.at}" }
        return value
    }

    private class Reader(val text: String) {
        var at = 0

        fun blank() {
            while (at < text.length && text[at] in " \t\r\n") at++
        }

        fun value(): Any? {
            blank()
            return when (text[at]) {
                '{' -> {
                    at++
                    val found = LinkedHashMap<String, Any?>()
                    blank()
                    if (text[at] == '}') return found.also { at++ }
                    do {
                        blank()
                        val name = value() as String
                        blank()
                        check(text[at++] == ':')
                        found[name] = value()
                        blank()
                    } while (text[at++] == ',')
                    found
                }
                '[' -> {
                    at++
                    val found = ArrayList<Any?>()
                    blank()
                    if (text[at] == ']') return found.also { at++ }
                    do {
                        found += value()
                        blank()
                    } while (text[at++] == ',')
                    found
                }
                '"' -> string()
                't' -> { at += 4; true }
                'f' -> { at += 5; false }
                'n' -> { at += 4; null }
                else -> {
                    val start = at
                    while (at < text.length && text[at] in "+-0123456789.eE") at++
                    BigDecimal(text.substring(start, at))
                }
            }
        }

        // Lone surrogates become U+FFFD, as Go's and Python's decoders of a body give them.
        fun string(): String {
            at++
            val found = StringBuilder()
            while (true) {
                val char = text[at++]
                when (char) {
                    '"' -> break
                    '\\' -> when (val escaped = text[at++]) {
                        'u' -> { found.append(text.substring(at, at + 4).toInt(16).toChar()); at += 4 }
                        'n' -> found.append('\n')
                        't' -> found.append('\t')
                        'r' -> found.append('\r')
                        'b' -> found.append('\b')
                        'f' -> found.append('\u000C')
                        else -> found.append(escaped)
                    }
                    else -> found.append(char)
                }
            }
            return wellFormed(found)
        }

        fun wellFormed(text: CharSequence): String {
            val found = StringBuilder()
            var index = 0
            while (index < text.length) {
                val char = text[index]
                val paired = char.isHighSurrogate() && index + 1 < text.length && text[index + 1].isLowSurrogate()
                when {
                    paired -> { found.append(char).append(text[index + 1]); index += 2; continue }
                    char.isSurrogate() -> found.append('\uFFFD')
                    else -> found.append(char)
                }
                index++
            }
            return found.toString()
        }
    }

    fun write(value: Any?): String = StringBuilder().also { write(value, it) }.toString()

    private fun write(value: Any?, out: StringBuilder) {
        when (value) {
            null -> out.append("null")
            is Boolean, is Int, is Long -> out.append(value.toString())
            is BigDecimal -> out.append(value.toString())
            is Double -> out.append(if (value.isFinite()) value.toString() else "null")
            is String -> {
                out.append('"')
                for (char in value) {
                    when {
                        char == '"' -> out.append("\\\"")
                        char == '\\' -> out.append("\\\\")
                        char.code < 0x20 || char.isSurrogate() -> out.append("\\u%04x".format(char.code))
                        else -> out.append(char)
                    }
                }
                out.append('"')
            }
            is Map<*, *> -> {
                out.append('{')
                for ((index, entry) in value.entries.withIndex()) {
                    if (index > 0) out.append(',')
                    write(entry.key.toString(), out)
                    out.append(':')
                    write(entry.value, out)
                }
                out.append('}')
            }
            is Iterable<*> -> {
                out.append('[')
                for ((index, item) in value.withIndex()) {
                    if (index > 0) out.append(',')
                    write(item, out)
                }
                out.append(']')
            }
            else -> error("not JSON data: ${value.javaClass}")
        }
    }
}
