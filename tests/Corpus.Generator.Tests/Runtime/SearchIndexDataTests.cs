extern alias CorpusRuntime;

using System.Linq;
using Corpus.Generator.Search;
using CsCheck;
using Chars = CorpusRuntime::CompiledConstants.Chars;
using Packed = CorpusRuntime::SearchIndexData.Packed;
using SearchIndexData = CorpusRuntime::SearchIndexData;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The index's directory read where its characters lie, never unpacked whole (<c>SearchIndexData.Packed</c>): the bytes,
/// varints and strings the generator packed, in order and from any byte on, as the byte readers read them.
/// </summary>
public sealed class SearchIndexDataTests
{
    [Fact]
    public void Every_byte_reads_back_in_order_and_after_a_seek_to_it_and_past_the_end_as_zero()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var reader = new Packed(new Chars(SearchIndexFormat.Pack(bytes, bytes.Length)));
            Assert.Equal(bytes.Length, reader.Length);
            Assert.Equal(bytes, bytes.Select(_ => reader.ReadByte()).ToArray());
            Assert.Equal(0, reader.ReadByte());
            for (var offset = bytes.Length - 1; offset >= 0; offset--)
            {
                reader.Seek(offset);
                Assert.Equal(bytes[offset], reader.ReadByte());
                Assert.Equal(offset + 1, reader.Offset);
            }
        });
    }

    [Fact]
    public void Varints_and_strings_read_as_the_byte_readers_read_them_and_a_skipped_string_ends_where_a_read_one_does()
    {
        Gen.Select(Gen.Int[0, int.MaxValue].Array[0, 30], Gen.Long[0, long.MaxValue].Array[0, 10], Gen.String.Array[0, 10]).Sample((ints, longs, texts) =>
        {
            var writer = new VarintWriter();
            foreach (var value in ints)
            {
                writer.Write(value);
            }

            foreach (var value in longs)
            {
                writer.Write(value);
            }

            foreach (var text in texts)
            {
                writer.Write(text);
            }

            var data = writer.ToArray();
            var reader = new Packed(new Chars(SearchIndexFormat.Pack(data, data.Length)));
            Assert.Equal(ints, ints.Select(_ => reader.ReadInt()).ToArray());
            Assert.Equal(longs, longs.Select(_ => reader.ReadLong()).ToArray());
            var starts = new int[texts.Length];
            var skipper = reader;
            for (var i = 0; i < texts.Length; i++)
            {
                starts[i] = reader.Offset;
                Assert.Equal(texts[i], reader.ReadString());
                skipper.SkipString();
                Assert.Equal(reader.Offset, skipper.Offset);
            }

            Assert.Equal(data.Length, reader.Offset);
            for (var i = texts.Length - 1; i >= 0; i--)
            {
                reader.Seek(starts[i]);
                Assert.Equal(texts[i], reader.ReadString());
            }
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("\u4E00\u4E10")]
    [InlineData("not a packing at all")]
    public void Characters_that_are_no_packing_read_as_no_bytes(string text)
    {
        var reader = new Packed(new Chars(text));
        Assert.Equal(0, reader.Length);
        Assert.Equal(0, reader.ReadInt());
        Assert.Equal(string.Empty, reader.ReadString());
    }

    [Fact]
    public void Each_block_of_a_group_reads_back_from_past_the_packings_before_it_and_a_block_past_them_or_cut_short_reads_as_no_bytes()
    {
        Gen.Byte.Array[0, 600].Array[1, 20].Sample(blocks =>
        {
            var group = string.Concat(blocks.Select(b => SearchIndexFormat.Pack(b, b.Length)));
            for (var i = 0; i < blocks.Length; i++)
            {
                var reader = SearchIndexData.InGroup(new Chars(group), i);
                Assert.Equal(blocks[i], blocks[i].Select(_ => reader.ReadByte()).ToArray());
            }

            Assert.Equal(0, SearchIndexData.InGroup(new Chars(group), blocks.Length).Length);
            var cut = group.Substring(0, group.Length - 1);
            Assert.Equal(0, SearchIndexData.InGroup(new Chars(cut), blocks.Length - 1).Length);
        });
    }
}
