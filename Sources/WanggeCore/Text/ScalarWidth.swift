/// The columns one Unicode scalar takes in the terminal, exactly as glibc's `wcwidth`
/// under `C.UTF-8` (the table in `ScalarWidthTable.swift` is generated from it): 0, 1, 2,
/// or -1 when the terminal cannot print it. Core needs it to decide what is printable
/// (`TextSanitizer`); the console's layout builds on it (`DisplayWidth` in WanggeTUI).
public enum ScalarWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value >= 0x4E00 && value <= 0x9FFF { return 2 }  // CJK unified ideographs
        let widthClass = Int(boundaries[boundaryIndex(for: value)] & 3)
        return widthClass == 3 ? -1 : widthClass
    }

    /// Whether the terminal can print `scalar` as it is (glibc `wcwidth` is not -1).
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        of(scalar) >= 0
    }

    /// The index of the last boundary at or before `value` (binary search).
    private static func boundaryIndex(for value: UInt32) -> Int {
        var low = 0
        var high = boundaries.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if boundaries[middle] >> 2 <= value {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }
}
