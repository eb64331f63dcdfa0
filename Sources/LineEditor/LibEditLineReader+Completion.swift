import CLibEdit

extension LibEditLineReader {
    /// Called from libedit on Tab: asks the completer about the line under
    /// the cursor and applies the resulting edit to libedit's buffer.
    func completeWordAtCursor() -> clibedit_completion_status {
        guard let editor, let completer else { return CLIBEDIT_COMPLETION_ERROR }
        var start: UnsafePointer<CChar>?
        var length = 0
        var cursorByte = 0
        clibedit_line(editor, &start, &length, &cursorByte)
        let bytes = UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : length)
        let line = String(decoding: bytes, as: UTF8.self)
        let cursor = String(decoding: bytes.prefix(cursorByte), as: UTF8.self).count
        let result = completer.complete(line: line, cursor: cursor)

        switch CompletionEdit.plan(line: line, cursor: cursor, result: result) {
        case .none:
            return CLIBEDIT_COMPLETION_ERROR
        case .insert(let text):
            return clibedit_insert(editor, text) == 0 ? CLIBEDIT_COMPLETION_REFRESH : CLIBEDIT_COMPLETION_ERROR
        case .replace(let word, let text):
            clibedit_delete(editor, Int32(clamping: word.unicodeScalars.count))
            return clibedit_insert(editor, text) == 0 ? CLIBEDIT_COMPLETION_REFRESH : CLIBEDIT_COMPLETION_ERROR
        case .list(let candidates):
            let width = Int(clibedit_terminal_columns(editor))
            clibedit_write(editor, "\n" + CompletionColumns.format(candidates, width: width))
            return CLIBEDIT_COMPLETION_REDISPLAY
        }
    }
}
