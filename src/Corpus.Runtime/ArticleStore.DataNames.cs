partial class ArticleStore
{
    /// <summary>
    /// The names and the slot table's layout of the generated data that the store reads. This file is compiled into
    /// Corpus.Generator too, whose emitter writes the data under these same names and in this layout, so that writer and
    /// reader cannot drift apart.
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

        /// <summary>
        /// The slot table: for each article in slot order, <see cref="SlotFields"/> numbers of <see cref="SlotDigits"/>
        /// characters each, so that an article finds where its values are without walking the records before it.
        /// </summary>
        public const string Slots = "Slots";

        /// <summary>The numbers of an article in the slot table, in this order.</summary>
        public const int HeaderGroup = 0, HeaderStart = 1, BodyGroup = 2, BodyStart = 3, TextStart = 4, TextLength = 5, HtmlStart = 6, HtmlLength = 7;

        public const int SlotFields = 8;

        /// <summary>A number's characters, most significant first: 6 bits each, from <see cref="FirstDigit"/> up (<c>0</c>…<c>o</c>), 30 bits in all.</summary>
        public const int SlotDigits = 5;

        public const char FirstDigit = '0';

        public const int DigitBits = 6;
    }
}
