package dev.orchestrator.config;

/** supervisord's {@code autorestart}: restart after an exit from RUNNING always, never, or when the code is not in exitcodes. */
public enum Autorestart { TRUE, FALSE, UNEXPECTED }
