// kotlinc in one JVM for a whole test session (tests/kotlinc.py): each line read names a file
// of compiler arguments, one a line; the diagnostics go to that file's name plus ".out", and
// "exit" and the exit code to stdout. A warm compiler takes half the time of a fresh kotlinc,
// and none of its start. Run with the compiler's jar on the class path:
// `java -cp kotlin-compiler.jar CompileServer.java`.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.jetbrains.kotlin.cli.common.ExitCode;
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler;

public class CompileServer {
    public static void main(String[] args) throws Exception {
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String request;
        while ((request = requests.readLine()) != null) {
            String[] arguments = Files.readAllLines(Paths.get(request)).toArray(new String[0]);
            ExitCode code;
            try (PrintStream said = new PrintStream(request + ".out", "UTF-8")) {
                code = new K2JVMCompiler().exec(said, arguments);
            }
            System.out.println("exit " + code.getCode());
            System.out.flush();
        }
    }
}
