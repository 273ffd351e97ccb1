package dev.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INI syntax as supervisord's parser reads it, with the line of every key. */
class IniReaderTest {

    @TempDir
    Path tmp;

    private IniDocument read(String text, Problems problems) {
        new ConfigTree(tmp).file("a.conf", text);
        IniDocument doc = new IniDocument();
        IniReader.read(tmp.resolve("a.conf"), doc, problems);
        return doc;
    }

    private static String value(IniDocument doc, String section, String key) {
        return doc.section(section).orElseThrow().entry(key).map(IniEntry::value).orElse(null);
    }

    @Test
    void commentsSeparatorsAndCase() {
        Problems problems = new Problems();
        IniDocument doc = read("""
                ; a comment
                # another
                [s]
                a=1
                b = 2 ; inline comment after whitespace
                c: 3 # also a comment
                d=x;y#z
                routing_keys=#
                MixedCase = kept value
                  ; indented comment
                e =
                """, problems);
        assertEquals("1", value(doc, "s", "a"));
        assertEquals("2", value(doc, "s", "b"));
        assertEquals("3", value(doc, "s", "c"));
        assertEquals("x;y#z", value(doc, "s", "d"));
        assertEquals("#", value(doc, "s", "routing_keys"));
        assertEquals("kept value", value(doc, "s", "mixedcase"));
        assertEquals("", value(doc, "s", "e"));
        assertEquals(List.of(), problems.list());
    }

    @Test
    void continuationLinesAndLineNumbers() {
        Problems problems = new Problems();
        IniDocument doc = read("""
                [program:x]
                command=engine-launcher
                    -e dynamic

                    -n x
                environment=A=1
                """, problems);
        assertEquals("engine-launcher\n-e dynamic\n\n-n x", value(doc, "program:x", "command"));
        IniSection section = doc.section("program:x").orElseThrow();
        assertEquals(2, section.sourceOf("command").line());
        assertEquals(6, section.sourceOf("environment").line());
        assertEquals(1, section.source().line());
        assertEquals(List.of(), problems.list());
    }

    @Test
    void repeatedSectionsMergeAndLaterKeysWin() {
        Problems problems = new Problems();
        IniDocument doc = read("""
                [s]
                a=1
                b=1
                [t]
                [s]
                a=2
                """, problems);
        assertEquals("2", value(doc, "s", "a"));
        assertEquals("1", value(doc, "s", "b"));
        assertEquals(1, problems.list().size());
        Problem p = problems.list().get(0);
        assertEquals(Problem.Severity.WARNING, p.severity());
        assertEquals(6, p.source().line());
        assertTrue(p.message().contains("also at line 2"));
    }

    @Test
    void badLinesAreErrorsWithTheirLine() {
        Problems problems = new Problems();
        read("""
                orphan=1
                [s]
                no separator here
                =novalue
                ok=1
                """, problems);
        List<Problem> errors = problems.list();
        assertEquals(3, errors.size(), errors::toString);
        assertEquals(List.of(1, 3, 4), errors.stream().map(p -> p.source().line()).toList());
        assertTrue(errors.get(0).message().contains("expected a [section] header first"));
        assertTrue(errors.get(1).message().contains("expected key=value"));
    }

    @Test
    void hereIsTheFilesDirectory() {
        IniDocument doc = read("[s]\nlog=%(here)s/../logs/x.log\n", new Problems());
        assertEquals(tmp + "/../logs/x.log", value(doc, "s", "log"));
    }

    @Test
    void unreadableFileIsAnError() {
        Problems problems = new Problems();
        IniReader.read(tmp.resolve("missing.conf"), new IniDocument(), problems);
        assertEquals(1, problems.list().size());
        assertTrue(problems.list().get(0).toString().startsWith("error: " + tmp.resolve("missing.conf")));
    }
}
