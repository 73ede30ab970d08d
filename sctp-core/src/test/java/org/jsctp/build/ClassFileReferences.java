package org.jsctp.build;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the symbolic references of one class file from its constant pool: the classes it names
 * (including those inside descriptors) and the methods and fields it refers to, plus whether any
 * of its methods is declared {@code synchronized}. Comments and string literals never reach a
 * class file, so this has no false positives on them.
 */
final class ClassFileReferences {

  /** A method or field reference: owner in internal form ({@code java/lang/System}) and name. */
  record MemberRef(String owner, String name) {}

  private static final int ACC_SYNCHRONIZED = 0x0020;

  final String className;
  final Set<String> classes = new HashSet<>();
  final Set<MemberRef> members = new HashSet<>();
  final List<String> synchronizedMethods = new ArrayList<>();

  private ClassFileReferences(String className) {
    this.className = className;
  }

  static ClassFileReferences read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    data.readUnsignedShort();
    data.readUnsignedShort();
    int count = data.readUnsignedShort();
    Object[] pool = new Object[count];
    int[][] refs = new int[count][];
    int[] tags = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = data.readUnsignedByte();
      tags[i] = tag;
      switch (tag) {
        case 1 -> pool[i] = data.readUTF();
        case 3, 4 -> data.readInt();
        case 5, 6 -> {
          data.readLong();
          i++;
        }
        case 7, 8, 16, 19, 20 -> refs[i] = new int[] {data.readUnsignedShort()};
        case 9, 10, 11, 12, 17, 18 ->
            refs[i] = new int[] {data.readUnsignedShort(), data.readUnsignedShort()};
        case 15 -> refs[i] = new int[] {data.readUnsignedByte(), data.readUnsignedShort()};
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    data.readUnsignedShort();
    int thisClass = data.readUnsignedShort();
    ClassFileReferences result =
        new ClassFileReferences((String) pool[refs[thisClass][0]]);
    for (int i = 1; i < count; i++) {
      switch (tags[i]) {
        case 7 -> result.addClassName((String) pool[refs[i][0]]);
        case 9, 10, 11 -> {
          String owner = (String) pool[refs[refs[i][0]][0]];
          String name = (String) pool[refs[refs[i][1]][0]];
          result.addClassName(owner);
          result.members.add(new MemberRef(owner, name));
        }
        case 12, 16 -> result.addDescriptor((String) pool[refs[i][tags[i] == 12 ? 1 : 0]]);
        default -> {}
      }
    }
    data.readUnsignedShort();
    int interfaces = data.readUnsignedShort();
    for (int i = 0; i < interfaces; i++) {
      data.readUnsignedShort();
    }
    int fields = data.readUnsignedShort();
    for (int i = 0; i < fields; i++) {
      data.readUnsignedShort();
      data.readUnsignedShort();
      result.addDescriptor((String) pool[data.readUnsignedShort()]);
      skipAttributes(data);
    }
    int methods = data.readUnsignedShort();
    for (int i = 0; i < methods; i++) {
      int access = data.readUnsignedShort();
      String name = (String) pool[data.readUnsignedShort()];
      result.addDescriptor((String) pool[data.readUnsignedShort()]);
      if ((access & ACC_SYNCHRONIZED) != 0) {
        result.synchronizedMethods.add(name);
      }
      skipAttributes(data);
    }
    return result;
  }

  private static void skipAttributes(DataInputStream data) throws IOException {
    int attributes = data.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      data.readUnsignedShort();
      int length = data.readInt();
      data.skipNBytes(length);
    }
  }

  private void addClassName(String name) {
    if (name.startsWith("[")) {
      addDescriptor(name);
    } else {
      classes.add(name);
    }
  }

  private void addDescriptor(String descriptor) {
    int i = 0;
    while ((i = descriptor.indexOf('L', i)) >= 0) {
      int end = descriptor.indexOf(';', i);
      if (end < 0) {
        return;
      }
      classes.add(descriptor.substring(i + 1, end));
      i = end + 1;
    }
  }
}
