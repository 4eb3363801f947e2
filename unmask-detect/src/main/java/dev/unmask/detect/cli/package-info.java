/** {@code unmask detector} and its {@code train} sub-command, contributed through the CLI plug-in SPI. */
package dev.unmask.detect.cli;
