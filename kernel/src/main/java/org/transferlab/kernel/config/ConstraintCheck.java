package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.validator.HibernateValidator;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks the Bean Validation constraints of the bound experiment and of every plugin options record, and reports each
 * violation at the YAML node its property path leads to (or the nearest enclosing one, for a missing key).
 */
final class ConstraintCheck {

    private static final Set<Class<? extends Annotation>> PRESENCE_CONSTRAINTS =
            Set.of(NotNull.class, NotEmpty.class, NotBlank.class);
    private static final String MAP_KEY_NODE = "<map key>";

    private final NodeIndex index;
    private final ErrorCollector errors;

    /** Building a validator factory takes a noticeable fraction of a second, so there is one per process. */
    private static final class ValidatorHolder {
        static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
                .configure()
                .defaultLocale(Locale.ROOT)
                .buildValidatorFactory()
                .getValidator();
    }

    ConstraintCheck(NodeIndex index, ErrorCollector errors) {
        this.index = requireNonNull(index, "index is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    void check(ExperimentConfig config, Iterable<BoundOptions> options) {
        for (ConstraintViolation<ExperimentConfig> violation : ValidatorHolder.VALIDATOR.validate(config)) {
            report(violation, YamlPath.ROOT, name -> YamlPath.ROOT.key(YamlKeys.yamlName(name)));
        }
        checkOptions(options);
    }

    void checkOptions(Iterable<BoundOptions> options) {
        for (BoundOptions bound : options) {
            for (ConstraintViolation<Record> violation : ValidatorHolder.VALIDATOR.validate(bound.options())) {
                report(violation, bound.entryPath(), bound::pathOf);
            }
        }
    }

    private void report(
            ConstraintViolation<?> violation, YamlPath recordPath, Function<String, YamlPath> firstProperty) {
        Location location = locate(violation, recordPath, firstProperty);
        YamlPath path = location.path();
        boolean presence =
                PRESENCE_CONSTRAINTS.contains(violation.getConstraintDescriptor().getAnnotation().annotationType());
        // A list or map left empty because its only entries were unusable (null, say) is already reported below it, and
        // so is a rule over a record's values when one of them could not be read.
        if (presence || location.recordLevel() ? errors.failedAnywhereAlong(path) : errors.failedAtOrAbove(path)) {
            return;
        }
        Node node = location.atMapKey() ? index.keyOrEnclosing(path) : index.valueOrEnclosing(path);
        boolean missing = !index.hasValue(path) && presence;
        errors.add(node, path, missing ? "is required" : violation.getMessage());
    }

    /**
     * Translates a violation's property path, {@code recipes[train].epochs}, into the path of the file,
     * {@code recipes.train.epochs}.
     *
     * @param recordPath     the path of the validated record
     * @param firstProperty  the path of the record's property that the violation's path starts with
     */
    private static Location locate(
            ConstraintViolation<?> violation, YamlPath recordPath, Function<String, YamlPath> firstProperty) {
        YamlPath path = null;
        boolean atMapKey = false;
        boolean recordLevel = false;
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (path != null && node.isInIterable()) {
                path = node.getIndex() != null ? path.index(node.getIndex())
                        : node.getKey() != null ? path.key(String.valueOf(node.getKey())) : path;
            }
            boolean isProperty = node.getKind() == ElementKind.PROPERTY
                    && (nodes.hasNext() || isComponent(violation.getLeafBean(), node.getName()));
            if (isProperty) {
                path = path == null ? firstProperty.apply(node.getName()) : path.key(YamlKeys.yamlName(node.getName()));
            }
            recordLevel = node.getKind() == ElementKind.PROPERTY && !isProperty;
            atMapKey = node.getKind() == ElementKind.CONTAINER_ELEMENT && MAP_KEY_NODE.equals(node.getName());
        }
        return new Location(path == null ? recordPath : path, atMapKey, recordLevel);
    }

    /**
     * @param atMapKey     whether the violation concerns a mapping key (an alias) rather than its value
     * @param recordLevel  whether it is a rule over the record's values ({@code isPatchDividingTheImage()}), not a
     *                     constraint on one of them
     */
    private record Location(YamlPath path, boolean atMapKey, boolean recordLevel) {
    }

    /**
     * Whether a property is a record component; constraints on other methods ({@code isSingleRule()}) concern the
     * record as a whole and are reported at the record.
     */
    private static boolean isComponent(Object bean, String name) {
        return bean == null || !bean.getClass().isRecord()
                || Arrays.stream(bean.getClass().getRecordComponents())
                        .anyMatch(component -> component.getName().equals(name));
    }
}
