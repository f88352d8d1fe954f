package org.markproof.edge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one line on standard error and the documented exit code: a failed
 * verification is {@link ExitCodes#VERIFICATION_FAILED}; malformed input or an unreadable file is
 * {@link ExitCodes#BAD_INPUT}. A stack trace is never shown to the user.
 */
final class FailureReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String command = cmd.getCommandSpec().qualifiedName();
    if (e instanceof VerificationException) {
      err.println(command + ": verification failed: " + e.getMessage());
      err.flush();
      return ExitCodes.VERIFICATION_FAILED;
    }
    if (e instanceof MalformedDataException) {
      err.println(command + ": malformed input: " + e.getMessage());
    } else if (e instanceof IOException) {
      err.println(command + ": cannot read input: " + describe(e));
    } else if (e instanceof CommandLine.ParameterException) {
      err.println(command + ": " + e.getMessage());
    } else {
      err.println(command + ": unexpected error: " + describe(e));
    }
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
