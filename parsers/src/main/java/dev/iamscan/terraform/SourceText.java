package dev.iamscan.terraform;

import dev.iamscan.model.SourceRange;
import java.util.Arrays;

/**
 * Text being parsed plus the way offsets map to file positions. Text read from a file maps each
 * offset to its own line and column; text taken out of a JSON string (a {@code .tf.json} template)
 * maps every offset to the string itself, because escapes make inner positions unknowable.
 */
final class SourceText {
  final String file;
  final String text;
  private final int[] lineStarts;
  private final SourceRange fixed;

  private SourceText(String file, String text, SourceRange fixed) {
    this.file = file;
    this.text = text;
    this.fixed = fixed;
    if (fixed == null) {
      int[] starts = new int[16];
      int n = 0;
      starts[n++] = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
          starts[n++] = i + 1;
        }
      }
      this.lineStarts = Arrays.copyOf(starts, n);
    } else {
      this.lineStarts = new int[] {0};
    }
  }

  static SourceText ofFile(String file, String text) {
    return new SourceText(file, text, null);
  }

  static SourceText embedded(String text, SourceRange at) {
    return new SourceText(at.file(), text, at);
  }

  int line(int offset) {
    if (fixed != null) return fixed.startLine();
    int i = Arrays.binarySearch(lineStarts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  int column(int offset) {
    if (fixed != null) return fixed.startColumn();
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  /** The range from {@code start} to the last character before {@code end}. */
  SourceRange range(int start, int end) {
    if (fixed != null) return fixed;
    int last = Math.max(start, end - 1);
    return new SourceRange(file, line(start), column(start), line(last), column(last));
  }

  String slice(int start, int end) {
    return text.substring(Math.max(0, start), Math.min(text.length(), Math.max(start, end)));
  }
}
