package dev.narration.checks;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The javac plugin {@code Narration}: compile-time checks of Log4j logging calls against the narration standard
 * ({@code docs/checks.md}). With the bundle's jar on the processor path, {@code javac -Xplugin:Narration} reports
 * each finding as a warning named {@code [narration:<check>]}; {@code -Werror} turns them into errors.
 *
 * <p>It uses only the compiler's public {@code com.sun.source} API, and it loads no Log4j class: the processor
 * path holds the bundle alone, and Log4j is known to it only through the compiled code's types.
 */
public final class NarrationPlugin implements Plugin {
    /** The name given to {@code -Xplugin:}. */
    public static final String NAME = "Narration";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void init(final JavacTask task, final String... args) {
        final PluginOptions options = PluginOptions.parse(args);
        final Trees trees = Trees.instance(task);
        final Reporter reporter = new Reporter(trees);
        task.addTaskListener(new TaskListener() {
            private KnownTypes known;
            private boolean optionsReported;

            @Override
            public void finished(final TaskEvent event) {
                if (!optionsReported && event.getCompilationUnit() != null) {
                    optionsReported = true;
                    for (final String error : options.errors) {
                        trees.printMessage(Diagnostic.Kind.ERROR, error, event.getCompilationUnit(), event.getCompilationUnit());
                    }
                }
                if (event.getKind() != TaskEvent.Kind.ANALYZE) {
                    return;
                }
                final TypeElement type = event.getTypeElement();
                final TreePath path = type == null ? null : trees.getPath(type);
                if (path == null) {
                    return;
                }
                if (known == null) {
                    known = new KnownTypes(task.getElements(), task.getTypes());
                }
                new CallScanner(trees, known, reporter, options.limits).scan(path, null);
            }
        });
    }
}
