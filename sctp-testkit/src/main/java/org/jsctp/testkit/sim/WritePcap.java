package org.jsctp.testkit.sim;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the {@link SimulatorExtension} to write the capture of the injected simulator even when
 * the test passes (it always does when the test fails). On a test method or a test class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WritePcap {

  /** Where the capture is taken. */
  CapturePoint value() default CapturePoint.SENDER;
}
