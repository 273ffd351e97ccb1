package dev.orchestrator.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method with the {@link EventTask} or {@link BeatTask} signature as a task. Its name is
 * {@code value} or, by default, the declaring class's qualified name, a dot and the method name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Task {
    String value() default "";
}
