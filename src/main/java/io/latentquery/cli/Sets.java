package io.latentquery.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The settings-record components an option sets, where they are not the option's name in camel
 * case: {@code --dof} sets {@code degreesOfFreedom}, while {@code --batch-size} needs no annotation
 * to set {@code batchSize}. {@link OptionErrors} reads it to name the flag the user typed when a
 * setting's value is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
@interface Sets {
  /** The components, as {@link io.latentquery.SettingException#setting()} names them. */
  String[] value();
}
