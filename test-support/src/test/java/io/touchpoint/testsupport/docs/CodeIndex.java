package io.touchpoint.testsupport.docs;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Java sources declare, read with the JDK's own parser (syntax only, no classpath): the types and their
 * members, the HTTP endpoints ({@code @Path} and the method annotations), and the configuration keys the code reads.
 */
final class CodeIndex {

    /** A class, interface, enum, record or annotation, top-level or nested. */
    record Type(String name, String packageName, Path file, Set<String> members) {
    }

    /** An HTTP method and a path template, e.g. {@code GET /api/trail/entries/{id}/proof}. */
    record Endpoint(String method, String path) {
    }

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Pattern PROPERTY_EXPRESSION = Pattern.compile("\\$\\{((?:touchpoint|quarkus)\\.[a-z0-9.-]+)");
    private static final Pattern CONFIG_KEY = Pattern.compile("(?:touchpoint|quarkus)\\.[a-z0-9.-]+");

    private final Map<String, List<Type>> typesByName = new HashMap<>();
    private final Set<String> importedNames = new HashSet<>();
    final List<Endpoint> endpoints = new ArrayList<>();
    final Set<String> configKeys = new HashSet<>();

    static CodeIndex of(List<Path> sources) {
        CodeIndex index = new CodeIndex();
        JavaCompiler javac = Objects.requireNonNull(ToolProvider.getSystemJavaCompiler(), "reading the sources needs a JDK's javac, not a JRE");
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostic -> { }, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            for (CompilationUnitTree unit : task.parse()) {
                index.add(unit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }

    /** Every declaration of a simple type name (the same name may be declared in several services). */
    List<Type> types(String name) {
        return typesByName.getOrDefault(name, List.of());
    }

    /** A type some source imports: a library type the code really uses, e.g. {@code StartupEvent}. */
    boolean isImported(String name) {
        return importedNames.contains(name);
    }

    private void add(CompilationUnitTree unit) {
        Path file = Path.of(unit.getSourceFile().toUri());
        String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        boolean mainCode = file.toString().contains("/src/main/java/");
        for (ImportTree imported : unit.getImports()) {
            String name = imported.getQualifiedIdentifier().toString();
            importedNames.add(name.substring(name.lastIndexOf('.') + 1));
        }
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree type, Void unused) {
                addType(type, packageName, file);
                addEndpoints(type);
                if (mainCode) {
                    addConfigMapping(type);
                }
                return super.visitClass(type, unused);
            }

            @Override
            public Void visitAnnotation(AnnotationTree annotation, Void unused) {
                if (mainCode && simpleName(annotation).equals("ConfigProperty")) {
                    argument(annotation, "name").ifPresent(configKeys::add);
                }
                return super.visitAnnotation(annotation, unused);
            }

            @Override
            public Void visitLiteral(LiteralTree literal, Void unused) {
                if (mainCode && literal.getValue() instanceof String text) {
                    addKeysNamedIn(text);
                }
                return super.visitLiteral(literal, unused);
            }
        }.scan(unit, null);
    }

    /** A string that is a key ({@code getValue("quarkus.flyway.jdbc-url")}) or holds {@code ${key}} reads it. */
    private void addKeysNamedIn(String text) {
        if (CONFIG_KEY.matcher(text).matches()) {
            configKeys.add(text);
        }
        keysReferencedIn(text, configKeys);
    }

    /** The keys of the {@code ${key}} and {@code ${key:default}} expressions in a text. */
    static void keysReferencedIn(String text, Set<String> keys) {
        Matcher m = PROPERTY_EXPRESSION.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
    }

    private void addType(ClassTree type, String packageName, Path file) {
        Set<String> members = new HashSet<>();
        for (Tree member : type.getMembers()) {
            switch (member) {
                case MethodTree method -> members.add(method.getName().toString());
                // Fields, enum constants and record components.
                case VariableTree variable -> members.add(variable.getName().toString());
                case ClassTree nested -> members.add(nested.getSimpleName().toString());
                default -> {
                }
            }
        }
        String name = type.getSimpleName().toString();
        typesByName.computeIfAbsent(name, n -> new ArrayList<>()).add(new Type(name, packageName, file, members));
    }

    private void addEndpoints(ClassTree type) {
        String classPath = pathOf(type.getModifiers().getAnnotations()).orElse("");
        for (Tree member : type.getMembers()) {
            if (member instanceof MethodTree method) {
                List<? extends AnnotationTree> annotations = method.getModifiers().getAnnotations();
                String methodPath = pathOf(annotations).orElse("");
                for (AnnotationTree annotation : annotations) {
                    if (HTTP_METHODS.contains(simpleName(annotation))) {
                        endpoints.add(new Endpoint(simpleName(annotation), join(classPath, methodPath)));
                    }
                }
            }
        }
    }

    /** {@code @ConfigMapping(prefix = "touchpoint.trail")} with {@code Duration pruneAfter()} reads {@code touchpoint.trail.prune-after}. */
    private void addConfigMapping(ClassTree type) {
        for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
            if (simpleName(annotation).equals("ConfigMapping")) {
                argument(annotation, "prefix").ifPresent(prefix -> {
                    for (Tree member : type.getMembers()) {
                        if (member instanceof MethodTree method && method.getParameters().isEmpty()) {
                            configKeys.add(prefix + "." + kebabCase(method.getName().toString()));
                        }
                    }
                });
            }
        }
    }

    private static Optional<String> pathOf(List<? extends AnnotationTree> annotations) {
        return annotations.stream().filter(a -> simpleName(a).equals("Path")).findFirst().flatMap(a -> argument(a, "value"));
    }

    private static String join(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String simpleName(AnnotationTree annotation) {
        String name = annotation.getAnnotationType().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** A string-literal argument of an annotation; {@code value} also matches the single unnamed argument. */
    private static Optional<String> argument(AnnotationTree annotation, String name) {
        for (ExpressionTree argument : annotation.getArguments()) {
            if (argument instanceof AssignmentTree assignment && assignment.getVariable().toString().equals(name)
                    && assignment.getExpression() instanceof LiteralTree literal && literal.getValue() instanceof String value) {
                return Optional.of(value);
            }
            if (name.equals("value") && argument instanceof LiteralTree literal && literal.getValue() instanceof String value) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
