import FileOutput
import Foundation
import Testing
import _TestSupport

@Suite struct OutputFileTests {
  @Test func nothingAppearsUntilCommit() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("out.csv")
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
    let file = try OutputFile(path: path)
    try file.write("new\n")
    try file.flush()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    try file.commit()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    #expect(try folder.names() == ["out.csv"])
  }

  @Test func anUncommittedFileLeavesNothingBehind() throws {
    let folder = try TemporaryFolder()
    do {
      let file = try OutputFile(path: folder.path("half.npy"))
      try file.write([1, 2, 3], at: 0)
    }
    #expect(try folder.names().isEmpty)
  }

  @Test func mappedBytesAreTheFilesAndOutliveTheCommit() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("index")
    let file = try OutputFile(path: path)
    let bytes = try file.mapForWriting(byteCount: 5000)
    defer { munmap(bytes.baseAddress, bytes.count) }
    #expect(bytes.allSatisfy { $0 == 0 })
    bytes[0] = 7
    bytes[4999] = 9
    try file.commit()
    bytes[1] = 8  // still mapped: the committed file is the same file
    let written = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(written.count == 5000)
    #expect(Array(written.prefix(2)) == [7, 8] && written.last == 9)
    #expect(try folder.names() == ["index"])
  }

  @Test func anUncommittedMappingLeavesNothingBehind() throws {
    let folder = try TemporaryFolder()
    do {
      let file = try OutputFile(path: folder.path("index"))
      let bytes = try file.mapForWriting(byteCount: 100)
      bytes[0] = 1
      munmap(bytes.baseAddress, bytes.count)
    }
    #expect(try folder.names().isEmpty)
  }

  @Test func filesLeftByProcessesThatAreGoneAreRemoved() throws {
    let folder = try TemporaryFolder()
    // No process has an id above 2²² (Linux's largest limit); process 1 always runs.
    for name in [".out.npy.partial-4194999", ".out.npy.partial-1", ".other.npy.partial-4194999"] {
      try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path(name)))
    }
    let file = try OutputFile(path: folder.path("out.npy"))
    try file.write("new")
    try file.commit()
    #expect(try folder.names() == [".other.npy.partial-4194999", ".out.npy.partial-1", "out.npy"])
  }

  @Test func aMissingFolderIsAClearError() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("missing/out.npy")
    #expect {
      try OutputFile(path: path)
    } throws: { error in
      guard case .cannotCreate(let failing, _) = error as? OutputFileError else { return false }
      return failing == path && "\(error)".contains("check that the folder exists")
    }
  }

  @Test func spaceIsReportedForAFolderThatExists() throws {
    let folder = try TemporaryFolder()
    #expect((OutputFile.availableSpace(besides: folder.path("x.npy")) ?? 0) > 0)
  }
}
