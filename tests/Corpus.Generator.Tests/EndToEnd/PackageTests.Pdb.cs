using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// The PDB of a real build: the compiler embeds every generated file in it. The chunks' data files and the index's
/// segments reach the compiler as UTF-16 texts with their embedded blob made by the generator (EmbeddedSourceText), so
/// that an edit deflates only the files it changes: the compiler must take them as they are, and a debugger must read
/// them back.
/// </summary>
public sealed partial class PackageTests
{
    [Fact]
    public async Task The_PDB_embeds_every_generated_file_and_the_data_files_read_back_as_UTF_16_with_their_checksums()
    {
        var consumer = await BuiltDefaultConsumer();
        var embedded = EmbeddedDocuments(Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "Consumer.pdb"));

        var generated = embedded.Where(d => d.Name.Contains("Corpus.Generator.CorpusGenerator", StringComparison.Ordinal)).ToList();
        Assert.Contains(generated, d => d.Name.EndsWith("Corpus.Articles.g.cs", StringComparison.Ordinal));
        var data = Assert.Single(generated, d => Path.GetFileName(d.Name).StartsWith("Corpus.Data.", StringComparison.Ordinal) && !d.Name.EndsWith("Classes.g.cs", StringComparison.Ordinal));
        var segment = Assert.Single(generated, d => Path.GetFileName(d.Name).StartsWith("Corpus.Search.", StringComparison.Ordinal));

        foreach (var file in new[] { data, segment })
        {
            // UTF-16 with its byte order mark, and the checksum the PDB records is SHA-256 of those bytes.
            Assert.Equal(new byte[] { 0xFF, 0xFE }, file.Bytes.Take(2));
            Assert.Equal(new Guid("8829d00f-11b8-4213-878b-770e8597ac16"), file.HashAlgorithm);
            Assert.Equal(SHA256.HashData(file.Bytes), file.Hash);
        }

        // The data file holds the seed's title as the program printed it (a chunk's header group, as written).
        var dataText = Encoding.Unicode.GetString(data.Bytes, 2, data.Bytes.Length - 2);
        Assert.Contains("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演", dataText, StringComparison.Ordinal);
        Assert.Contains("partial class ArticlesData", dataText, StringComparison.Ordinal);
        Assert.Contains("partial class ArticlesData", Encoding.Unicode.GetString(segment.Bytes, 2, segment.Bytes.Length - 2), StringComparison.Ordinal);
    }

    /// <summary>Each document of a portable PDB that has its source embedded: its name, checksum and the source's bytes.</summary>
    private static List<(string Name, Guid HashAlgorithm, byte[] Hash, byte[] Bytes)> EmbeddedDocuments(string pdb)
    {
        // The embedded source's kind (Portable PDB format: CustomDebugInformation "EmbeddedSource").
        var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        using var provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdb));
        var reader = provider.GetMetadataReader();
        var documents = new List<(string, Guid, byte[], byte[])>();
        foreach (var handle in reader.Documents)
        {
            var document = reader.GetDocument(handle);
            foreach (var info in reader.GetCustomDebugInformation(handle).Select(reader.GetCustomDebugInformation))
            {
                if (reader.GetGuid(info.Kind) != embeddedSource)
                {
                    continue;
                }

                // An int32 first: 0, the bytes as they are; else their length, deflated.
                var blob = reader.GetBlobBytes(info.Value);
                var length = BitConverter.ToInt32(blob, 0);
                byte[] bytes;
                if (length == 0)
                {
                    bytes = blob[4..];
                }
                else
                {
                    bytes = new byte[length];
                    using var inflate = new DeflateStream(new MemoryStream(blob, 4, blob.Length - 4), CompressionMode.Decompress);
                    inflate.ReadExactly(bytes);
                }

                documents.Add((reader.GetString(document.Name), reader.GetGuid(document.HashAlgorithm), reader.GetBlobBytes(document.Hash), bytes));
            }
        }

        return documents;
    }
}
