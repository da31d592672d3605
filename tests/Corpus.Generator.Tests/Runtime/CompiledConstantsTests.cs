extern alias CorpusRuntime;

using System.Linq;
using System.Reflection;
using Constants = CorpusRuntime::CompiledConstants;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The one reader of the generated constants: read in place through the metadata (the runtime sources are compiled
/// with CORPUS_IN_PLACE for .NET) and by reflection (NativeAOT's and netstandard2.0's path), the same characters.
/// </summary>
public sealed class CompiledConstantsTests
{
    [Fact]
    public void In_place_and_by_reflection_every_constant_has_the_characters_the_compiler_stored()
    {
        var inPlace = new Constants(typeof(Data), inPlace: true);
        var reflection = new Constants(typeof(Data), inPlace: false);
        Assert.True(inPlace.ReadsInPlace);
        Assert.False(reflection.ReadsInPlace);

        var expected = typeof(Data.Chunk0000).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        Assert.Equal(5, expected.Count);
        foreach (var constants in new[] { inPlace, reflection })
        {
            var read = constants.Of("Chunk0000")!.Where(c => c.Name != nameof(Data.Chunk0000.Number)).ToDictionary(c => c.Name, c => c.Read().ToString());
            Assert.Equal(expected, read);
        }
    }

    [Fact]
    public void A_value_is_cut_out_of_a_constant_where_it_lies()
    {
        var chars = new Constants(typeof(Data), inPlace: true).Of("Chunk0000")!.Single(c => c.Name == nameof(Data.Chunk0000.Chinese)).Read();

        Assert.Equal(Data.Chunk0000.Chinese.Length, chars.Length);
        Assert.Equal("中文", chars.Cut(1, 2));
        Assert.Equal('\uD83D', chars[3]);
        Assert.Equal('\0', chars[5]);
        Assert.Equal(string.Empty, chars.Cut(4, 0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => chars.Cut(4, Data.Chunk0000.Chinese.Length));
    }

    [Fact]
    public void A_class_that_is_not_there_has_no_constants()
    {
        Assert.Null(new Constants(typeof(Data), inPlace: true).Of("Chunk0001"));
        Assert.Null(new Constants(typeof(Data), inPlace: false).Of("Chunk0001"));
    }

    private static class Data
    {
        internal static class Chunk0000
        {
            internal const string Empty = "";
            internal const string Ascii = "12:Hello, world";
            internal const string Chinese = "a中文\uD83D\uDE00\0b";
            internal const string Odd = "x";
            internal const string Html = "<p>`0;3;</p>";
            internal const int Number = 42;
        }
    }
}
