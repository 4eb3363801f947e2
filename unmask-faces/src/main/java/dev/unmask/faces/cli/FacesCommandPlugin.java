package dev.unmask.faces.cli;

import dev.unmask.cli.spi.CommandPlugin;

/** Adds {@code unmask faces} to the command line when the faces module is on the class path. */
public final class FacesCommandPlugin implements CommandPlugin {
    @Override
    public Object command() {
        return new FacesCommand();
    }
}
