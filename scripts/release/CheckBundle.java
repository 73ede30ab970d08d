import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a Central Portal bundle built by scripts/check-bundle.sh against the tree it came from.
 *
 * <p>Usage: {@code java CheckBundle.java BUNDLE_ZIP TREE VERSION}. The published modules are the
 * root POM's modules minus the release profile's excludeArtifacts (sctp-bom/pom.xml), plus the
 * root POM itself; every module must be one or the other. For each published module the bundle
 * must hold its POM, and for a jar module its jar, sources jar and javadoc jar, each with the
 * checksums the plugin adds (and matching the file) and with a signature when any file is
 * signed. The POMs carry the metadata Central requires (themselves or through their parents),
 * the BOM manages exactly the published jar modules, every jar has a module descriptor or an
 * Automatic-Module-Name, and every archive entry has the time project.build.outputTimestamp
 * (reproducible builds). Prints what it found; exits 1 naming every problem.
 */
public final class CheckBundle {

  private static final List<String> CHECKSUMS = List.of("md5", "sha1", "sha256", "sha512");
  private static final String GROUP_PATH = "org/jsctp/";

  private final List<String> problems = new ArrayList<>();
  private final Map<String, byte[]> files = new TreeMap<>();
  private final Path tree;
  private final String version;

  private CheckBundle(Path tree, String version) {
    this.tree = tree;
    this.version = version;
  }

  public static void main(String[] args) throws Exception {
    CheckBundle check = new CheckBundle(Path.of(args[1]), args[2]);
    check.run(Path.of(args[0]));
    if (!check.problems.isEmpty()) {
      System.err.println("check-bundle: " + check.problems.size() + " problem(s):");
      check.problems.forEach(p -> System.err.println("  - " + p));
      System.exit(1);
    }
    System.out.println("check-bundle: the bundle is complete");
  }

  private void run(Path bundle) throws Exception {
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (!e.isDirectory()) {
          try (InputStream in = zip.getInputStream(e)) {
            files.put(e.getName(), in.readAllBytes());
          }
        }
      }
    }
    Document root = xml(tree.resolve("pom.xml"));
    Document bom = xml(tree.resolve("sctp-bom/pom.xml"));
    TreeSet<String> excluded = texts(bom.getDocumentElement(), "excludeArtifact");
    Map<String, String> published = new TreeMap<>();
    published.put(text(root.getDocumentElement(), "artifactId"), "pom");
    for (String module : texts(child(root.getDocumentElement(), "modules"), "module")) {
      Document pom = xml(tree.resolve(module).resolve("pom.xml"));
      String id = text(pom.getDocumentElement(), "artifactId");
      if (!excluded.contains(id)) {
        String packaging = text(pom.getDocumentElement(), "packaging");
        published.put(id, packaging == null ? "jar" : packaging);
      }
    }
    boolean signed = files.keySet().stream().anyMatch(n -> n.endsWith(".asc"));
    String timestamp = text(child(bom.getDocumentElement(), "properties"),
        "project.build.outputTimestamp");
    System.out.println("check-bundle: " + files.size() + " files, modules " + published
        + (signed ? ", signed" : ", unsigned (no key configured)") + ", left out " + excluded);

    TreeSet<String> expected = new TreeSet<>();
    for (Map.Entry<String, String> m : published.entrySet()) {
      String base = GROUP_PATH + m.getKey() + "/" + version + "/" + m.getKey() + "-" + version;
      List<String> artifacts = new ArrayList<>(List.of(base + ".pom"));
      if (m.getValue().equals("jar")) {
        artifacts.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar"));
      }
      for (String a : artifacts) {
        expectArtifact(a, signed, expected);
      }
      checkPom(m.getKey(), base + ".pom");
      if (m.getValue().equals("jar")) {
        checkJar(base + ".jar", timestamp, true);
        checkJar(base + "-sources.jar", timestamp, false);
        checkJar(base + "-javadoc.jar", timestamp, false);
        String javadoc = base + "-javadoc.jar";
        if (files.containsKey(javadoc) && !hasEntry(javadoc, "index.html")) {
          problems.add(javadoc + " has no index.html");
        }
      }
    }
    checkBom(bom, published);
    for (String name : files.keySet()) {
      if (!expected.contains(name) && !isExtra(name, signed, published)) {
        problems.add("unexpected file in the bundle: " + name);
      }
      for (String id : excluded) {
        if (name.startsWith(GROUP_PATH + id + "/")) {
          problems.add("a module left out of publishing is in the bundle: " + name);
        }
      }
    }
  }

  /** Attached artifacts beyond the four (sctp-netty's test jar), with their checksums. */
  private boolean isExtra(String name, boolean signed, Map<String, String> published) {
    String artifact = stripSuffixes(name);
    for (String id : published.keySet()) {
      String base = GROUP_PATH + id + "/" + version + "/" + id + "-" + version + "-";
      if (artifact.startsWith(base) && artifact.endsWith(".jar") && files.containsKey(artifact)) {
        if (name.equals(artifact)) {
          System.out.println("check-bundle: also attached: " + name);
        }
        return true;
      }
    }
    return false;
  }

  private static String stripSuffixes(String name) {
    String n = name.endsWith(".asc") ? name.substring(0, name.length() - 4) : name;
    for (String c : CHECKSUMS) {
      if (n.endsWith("." + c)) {
        return n.substring(0, n.length() - c.length() - 1);
      }
    }
    return n;
  }

  private void expectArtifact(String name, boolean signed, TreeSet<String> expected)
      throws NoSuchAlgorithmException {
    byte[] content = files.get(name);
    if (content == null) {
      problems.add("missing: " + name);
      return;
    }
    expected.add(name);
    for (String c : CHECKSUMS) {
      String sum = name + "." + c;
      byte[] written = files.get(sum);
      if (written == null) {
        problems.add("missing checksum: " + sum);
        continue;
      }
      expected.add(sum);
      byte[] digest = MessageDigest.getInstance(algorithm(c)).digest(content);
      String want = HexFormat.of().formatHex(digest);
      String got = new String(written, java.nio.charset.StandardCharsets.US_ASCII).trim();
      if (!got.startsWith(want)) {
        problems.add("checksum does not match its file: " + sum);
      }
    }
    if (signed) {
      if (files.containsKey(name + ".asc")) {
        expected.add(name + ".asc");
      } else {
        problems.add("missing signature: " + name + ".asc");
      }
    }
  }

  private static String algorithm(String checksum) {
    return switch (checksum) {
      case "md5" -> "MD5";
      case "sha1" -> "SHA-1";
      case "sha256" -> "SHA-256";
      default -> "SHA-512";
    };
  }

  /** Central's required metadata, in the POM or inherited through its parents in the bundle. */
  private void checkPom(String id, String name) throws Exception {
    if (!files.containsKey(name)) {
      return;
    }
    Element pom = xml(files.get(name)).getDocumentElement();
    for (String field : List.of("name", "description")) {
      if (text(pom, field) == null) {
        problems.add(id + ": the POM has no " + field);
      }
    }
    for (String field : List.of("url", "licenses", "developers", "scm")) {
      if (inherited(pom, field) == null) {
        problems.add(id + ": no " + field + " in the POM or its parents");
      }
    }
  }

  private Element inherited(Element pom, String field) throws Exception {
    Element at = pom;
    for (int depth = 0; at != null && depth < 5; depth++) {
      Element found = child(at, field);
      if (found != null) {
        return found;
      }
      Element parent = child(at, "parent");
      if (parent == null) {
        return null;
      }
      String pid = text(parent, "artifactId");
      String pversion = text(parent, "version");
      String parentName = GROUP_PATH + pid + "/" + pversion + "/" + pid + "-" + pversion + ".pom";
      byte[] parentPom = files.get(parentName);
      if (parentPom == null) {
        problems.add(text(pom, "artifactId") + ": parent " + parentName + " is not in the bundle");
        return null;
      }
      at = xml(parentPom).getDocumentElement();
    }
    return null;
  }

  private void checkBom(Document bomSource, Map<String, String> published) throws Exception {
    String name = GROUP_PATH + "sctp-bom/" + version + "/sctp-bom-" + version + ".pom";
    if (!files.containsKey(name)) {
      return;
    }
    Element bom = xml(files.get(name)).getDocumentElement();
    if (child(bom, "parent") != null) {
      problems.add("sctp-bom has a parent: importing it would bring in the parent's versions too");
    }
    TreeSet<String> managed = new TreeSet<>();
    for (Node n = child(child(bom, "dependencyManagement"), "dependencies").getFirstChild();
        n != null; n = n.getNextSibling()) {
      if (n instanceof Element d) {
        if (!"org.jsctp".equals(text(d, "groupId"))) {
          problems.add("sctp-bom manages another group's " + text(d, "artifactId"));
        }
        managed.add(text(d, "artifactId"));
      }
    }
    TreeSet<String> jars = new TreeSet<>();
    published.forEach((id, packaging) -> {
      if (packaging.equals("jar")) {
        jars.add(id);
      }
    });
    if (!managed.equals(jars)) {
      problems.add("sctp-bom manages " + managed + " but the published jar modules are " + jars);
    }
  }

  private void checkJar(String name, String timestamp, boolean needsModule) throws IOException {
    byte[] content = files.get(name);
    if (content == null) {
      return;
    }
    Instant want = Instant.parse(timestamp);
    boolean descriptor = false;
    TreeSet<Instant> times = new TreeSet<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(content))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        descriptor |= e.getName().equals("module-info.class");
        times.add(e.getLastModifiedTime().toInstant());
      }
    }
    // Zip entries keep local time in 2-second steps; the archivers write the timestamp so that
    // it reads back as the same instant in the JVM's zone.
    for (Instant t : times) {
      if (Math.abs(t.getEpochSecond() - want.getEpochSecond()) > 2) {
        problems.add(name + ": entry time " + t + " is not project.build.outputTimestamp " + want);
        break;
      }
    }
    if (needsModule && !descriptor) {
      Manifest manifest;
      try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(content))) {
        manifest = in.getManifest();
      }
      String automatic = manifest == null ? null
          : manifest.getMainAttributes().getValue(new Attributes.Name("Automatic-Module-Name"));
      if (automatic == null) {
        problems.add(name + ": neither module-info.class nor an Automatic-Module-Name");
      }
    }
  }

  private boolean hasEntry(String jar, String entry) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(files.get(jar)))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals(entry)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- XML ------------------------------------------------------------------------------------

  private static Document xml(Path file) throws Exception {
    return xml(Files.readAllBytes(file));
  }

  private static Document xml(byte[] content) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(content));
  }

  /** The direct child element with this name, or null. */
  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }

  /** The texts of every element with this name anywhere under {@code parent}. */
  private static TreeSet<String> texts(Element parent, String name) {
    TreeSet<String> out = new TreeSet<>();
    if (parent != null) {
      var list = parent.getElementsByTagName(name);
      for (int i = 0; i < list.getLength(); i++) {
        out.add(list.item(i).getTextContent().trim());
      }
    }
    return out;
  }
}
