// Kotlin's hard keywords, as the pinned compiler lexes them (tests/test_reserved_names.py):
// run with the compiler's jar on the class path, `java -cp kotlin-compiler.jar Keywords.java`.
import com.intellij.psi.tree.IElementType;
import org.jetbrains.kotlin.lexer.KtKeywordToken;
import org.jetbrains.kotlin.lexer.KtTokens;

public class Keywords {
    public static void main(String[] args) {
        for (IElementType type : KtTokens.KEYWORDS.getTypes()) {
            System.out.println(((KtKeywordToken) type).getValue());
        }
    }
}
