package io.touchpoint.support.justification;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A break-glass justification, when one is given: {@link Justifications#isValid}. Null is left to
 * {@code @NotNull}/{@code @NotBlank} or to the caller (a justification is needed only for break-glass looks).
 * Request records normalise the text in their constructor ({@link Justifications#normalise}), so what is checked is
 * what is forwarded and recorded.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Justification.Rule.class)
public @interface Justification {

    String message() default Justifications.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<Justification, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Justifications.isValid(value);
        }
    }
}
