package dev.narration.internal.event;

/**
 * Where the pieces of a parameterized message's format lie in its formatted text: the format
 * {@code "Job {} queued at {}"} has the pieces {@code "Job "}, {@code " queued at "} and {@code ""}, and its text
 * {@code "Job 7 queued at 3"} holds them at 0, 5 and 17. Given by {@code ScanBuffer.piecesIn} only after the text has
 * been compared with them, so an encoder may write those stretches of the text from what it prepared once per format
 * (such as their escaped bytes) and handle only the arguments between them. The first piece starts the text and the
 * last one ends it; an empty piece between two placeholders is placed right after the piece before it.
 *
 * <p>Valid while the text and the buffer are unchanged: until the buffer's next use.
 */
public interface MessagePieces {
    /** The format, the very {@code String} that {@code Message#getFormat()} gave. */
    String format();

    /** How many pieces the format has: one more than its placeholders. A piece may be empty. */
    int pieces();

    /** Where piece {@code piece} starts in the format. */
    int formatStart(int piece);

    /** Where piece {@code piece} ends in the format (exclusive). */
    int formatEnd(int piece);

    /** Where piece {@code piece} starts in the text; it ends {@code formatEnd - formatStart} characters later. */
    int textStart(int piece);
}
