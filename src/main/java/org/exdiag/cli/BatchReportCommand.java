package org.exdiag.cli;

import picocli.CommandLine.Mixin;

/** A command that writes reports for many inputs: in which language and format, on how many threads, where to. */
abstract class BatchReportCommand extends ExdiagCommand {
    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    BatchOptions batch = new BatchOptions();
}
