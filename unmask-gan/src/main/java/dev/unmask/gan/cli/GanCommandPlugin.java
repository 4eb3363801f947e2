package dev.unmask.gan.cli;

import dev.unmask.cli.spi.CommandPlugin;

/** Adds {@code unmask gan} to the command line when the GAN studio module is on the class path. */
public final class GanCommandPlugin implements CommandPlugin {
    @Override
    public Object command() {
        return new GanCommand();
    }
}
