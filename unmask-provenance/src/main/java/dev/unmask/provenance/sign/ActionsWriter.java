package dev.unmask.provenance.sign;

import com.upokecenter.cbor.CBORObject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes the {@code c2pa.actions.v2} assertion (C2PA 2.2 section 18.14): one map per action with {@code action},
 * optional {@code digitalSourceType} and {@code description}, {@code softwareAgent} (the claim generator info),
 * optional {@code when} and, for the {@code c2pa.opened} action of an edit, {@code parameters.ingredients}.
 */
final class ActionsWriter {
    private ActionsWriter() {}

    /**
     * The actions assertion.
     *
     * @param actions the caller's actions, in order
     * @param softwareAgent the claim generator info recorded as each action's agent
     * @param clock source of {@code when} (seconds), or null to omit it
     * @param openedParameters when not null, a {@code c2pa.opened} action with these parameters comes first
     */
    static ManifestWriter.Assertion assertion(List<Action> actions, CBORObject softwareAgent, Clock clock,
            CBORObject openedParameters) {
        CBORObject list = CBORObject.NewArray();
        if (openedParameters != null) {
            CBORObject opened = action(new Action(Action.OPENED, null, null), softwareAgent, clock);
            opened.Add("parameters", openedParameters);
            list.Add(opened);
        }
        for (Action a : actions) {
            list.Add(action(a, softwareAgent, clock));
        }
        CBORObject root = CBORObject.NewOrderedMap();
        root.Add("actions", list);
        return new ManifestWriter.Assertion(ManifestWriter.ACTIONS_LABEL, Jumbf.TYPE_CBOR,
                DeterministicCbor.encode(root));
    }

    private static CBORObject action(Action a, CBORObject softwareAgent, Clock clock) {
        CBORObject m = CBORObject.NewOrderedMap();
        m.Add("action", a.action());
        if (a.digitalSourceType() != null) {
            m.Add("digitalSourceType", a.digitalSourceType());
        }
        if (a.description() != null) {
            m.Add("description", a.description());
        }
        m.Add("softwareAgent", softwareAgent);
        if (clock != null) {
            m.Add("when", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return m;
    }
}
