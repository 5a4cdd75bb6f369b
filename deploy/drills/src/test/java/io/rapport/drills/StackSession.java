package io.rapport.drills;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the stack when the test run ends: after every engine (JUnit Jupiter and jqwik) has run. */
public class StackSession implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Stack.stop();
    }
}
