package io.touchpoint.gateway.card;

import io.touchpoint.support.web.TextSafety;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A break-glass justification: 30 to 2,000 characters as a person counts them (code points), so an emoji or a
 * character outside the Basic Multilingual Plane counts once, not as the two UTF-16 units {@code @Size} would count.
 * Line breaks and tabs are welcome; other control characters and unpaired surrogates are not (the tablet's form
 * fields never pass the JSON reader's check, and a NUL cannot even be recorded). Null is left to
 * {@code @NotNull}/{@code @NotBlank}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Justification.Length.class)
public @interface Justification {

    int MIN = 30;
    int MAX = 2000;

    String message() default "must explain the look in 30 to 2000 characters, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Length implements ConstraintValidator<Justification, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int characters = value.codePointCount(0, value.length());
            return characters >= MIN && characters <= MAX && TextSafety.isSafe(value);
        }
    }
}
