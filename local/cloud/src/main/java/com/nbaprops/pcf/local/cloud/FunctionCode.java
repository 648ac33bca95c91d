package com.nbaprops.pcf.local.cloud;

import com.nbaprops.pcf.local.runtime.SuiteFunction;
import java.io.IOException;

/** Where an instance of a function loads its code from: the invoker's {@code --classpath}. */
@FunctionalInterface
public interface FunctionCode {
  String classpath(SuiteFunction function) throws IOException;
}
