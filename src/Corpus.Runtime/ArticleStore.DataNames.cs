partial class ArticleStore
{
    /// <summary>
    /// The names of the generated data that the store finds by reflection. This file is compiled into Corpus.Generator
    /// too, whose emitter writes the data under these same names, so that writer and reader cannot drift apart.
    /// </summary>
    internal static class DataNames
    {
        /// <summary>A chunk's class, nested in the data class: this prefix, then the chunk's number in four digits (<c>Chunk0000</c>).</summary>
        public const string ChunkPrefix = "Chunk";

        /// <summary>A header constant: this letter, then the slot of its first article (<c>H0</c>, <c>H37</c>, …).</summary>
        public const char Headers = 'H';

        /// <summary>A constant of bodies, each followed by its text: this letter, then the slot of its first article.</summary>
        public const char Bodies = 'T';

        /// <summary>The constant of every article's HTML template in the chunk.</summary>
        public const string Html = "Html";
    }
}
