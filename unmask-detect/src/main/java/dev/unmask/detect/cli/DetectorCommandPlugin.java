package dev.unmask.detect.cli;

import dev.unmask.cli.spi.CommandPlugin;

/** Adds {@code unmask detector} to the command line when the detector module is on the class path. */
public final class DetectorCommandPlugin implements CommandPlugin {
    @Override
    public Object command() {
        return new DetectorCommand();
    }
}
