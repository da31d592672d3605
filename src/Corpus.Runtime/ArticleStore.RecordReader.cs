partial class ArticleStore
{
    /// <summary>
    /// The decoder of the records the generator's RecordEncoder writes (its summary gives the format): strings as
    /// <c>length ':' chars</c>, numbers as <c>['-'] digits ';'</c>, <c>'~'</c> for null; lengths in UTF-16 code units.
    /// </summary>
    internal struct RecordReader
    {
        /// <summary>
        /// MethodImplOptions.AggressiveOptimization (netstandard2.0 lacks the name): the decoding loops run hundreds of
        /// thousands of times on first use, so they are compiled optimized at once rather than first unoptimized (tier 0).
        /// </summary>
        internal const global::System.Runtime.CompilerServices.MethodImplOptions Optimized = (global::System.Runtime.CompilerServices.MethodImplOptions)512;

        private readonly CompiledConstants.Chars _data;
        private int _position;

        public RecordReader(string data, int position)
            : this(new CompiledConstants.Chars(data), position)
        {
        }

        public RecordReader(CompiledConstants.Chars data, int position)
        {
            _data = data;
            _position = position;
        }

        public bool AtEnd => _position >= _data.Length;

        /// <summary>Moves past <paramref name="count"/> values, strings or numbers, without reading them.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(Optimized)]
        public void Skip(int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (_data[_position] == '~')
                {
                    _position++;
                    continue;
                }

                // A string's length ends with ':' and its characters follow; a number ends with ';'.
                var value = 0;
                char c;
                while ((c = _data[_position++]) != ':' && c != ';')
                {
                    value = c == '-' ? value : (value * 10) + (c - '0');
                }

                if (c == ':')
                {
                    _position += value;
                }
            }
        }

        /// <summary>The published date: UTC ticks, then the offset in minutes; null when either is.</summary>
        public global::System.DateTimeOffset? ReadPublishedAt()
        {
            var ticks = ReadNullableNumber();
            var offsetMinutes = ReadNullableNumber();
            if (ticks is long utc && offsetMinutes is long minutes)
            {
                var offset = global::System.TimeSpan.FromMinutes(minutes);
                return new global::System.DateTimeOffset(utc + offset.Ticks, offset);
            }

            return null;
        }

        /// <summary>An article's body record; <paramref name="text"/> is the text that follows it, cut already.</summary>
        public Article.ArticleBody ReadBody(string text)
        {
            // The layout: the lead's length, then per section the heading's length and its paragraphs' lengths (-1: null).
            // Counted first on a copy of the reader, so that the array is allocated once at its size.
            var scan = this;
            var count = 2;
            scan.ReadNullableNumber();
            var sectionCount = (int)scan.ReadNumber();
            for (var i = 0; i < sectionCount; i++)
            {
                scan.ReadNullableNumber();
                var paragraphCount = (int)scan.ReadNumber();
                count += 2 + paragraphCount;
                for (var p = 0; p < paragraphCount; p++)
                {
                    scan.ReadNumber();
                }
            }

            var layout = new int[count];
            for (var i = 0; i < count; i++)
            {
                layout[i] = ReadNullableNumber() is long value ? (int)value : -1;
            }

            var images = new ArticleImage[ReadNumber()];
            for (var i = 0; i < images.Length; i++)
            {
                images[i] = new ArticleImage(ReadString(), ReadNullableString(), ReadNullableString());
            }

            var media = new ArticleMedia[ReadNumber()];
            for (var i = 0; i < media.Length; i++)
            {
                var kind = (ArticleMediaKind)ReadNumber();
                media[i] = new ArticleMedia(kind, ReadString());
            }

            var tags = ReadStrings();
            var categories = ReadStrings();
            var position = 0;
            var leadText = Article.ArticleBody.NextBlock(text, ref position, layout[0]);
            return new Article.ArticleBody(text, leadText, layout, images, media, tags, categories);
        }

        /// <summary>
        /// An article's HTML, from its template (the generator's HtmlTemplate gives the format): the markup as it is,
        /// <c>``</c> a backtick, and <c>`skip;length;</c> the next <c>length</c> characters of the article's text,
        /// <c>skip</c> characters after the previous ones taken.
        /// </summary>
        public static string ReadHtml(string templates, int offset, int length, string text)
        {
            var end = offset + length;
            var marker = templates.IndexOf('`', offset, length);
            if (marker < 0)
            {
                return templates.Substring(offset, length);
            }

            var html = new global::System.Text.StringBuilder(length + text.Length);
            var cursor = 0;
            var position = offset;
            while (marker >= 0)
            {
                html.Append(templates, position, marker - position);
                if (templates[marker + 1] == '`')
                {
                    html.Append('`');
                    position = marker + 2;
                }
                else
                {
                    var reader = new RecordReader(templates, marker + 1);
                    cursor += (int)reader.ReadNumber();
                    var taken = (int)reader.ReadNumber();
                    html.Append(text, cursor, taken);
                    cursor += taken;
                    position = reader._position;
                }

                marker = position < end ? templates.IndexOf('`', position, end - position) : -1;
            }

            return html.Append(templates, position, end - position).ToString();
        }

        [global::System.Runtime.CompilerServices.MethodImpl(Optimized)]
        public long ReadNumber()
        {
            var negative = _data[_position] == '-';
            if (negative)
            {
                _position++;
            }

            long value = 0;
            char digit;
            while ((digit = _data[_position++]) != ';')
            {
                value = (value * 10) + (digit - '0');
            }

            return negative ? -value : value;
        }

        [global::System.Runtime.CompilerServices.MethodImpl(Optimized)]
        public long? ReadNullableNumber()
        {
            if (_data[_position] == '~')
            {
                _position++;
                return null;
            }

            return ReadNumber();
        }

        [global::System.Runtime.CompilerServices.MethodImpl(Optimized)]
        public string ReadString()
        {
            var length = ReadLength();
            var value = _data.Cut(_position, length);
            _position += length;
            return value;
        }

        public string[] ReadStrings()
        {
            var values = new string[ReadNumber()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ReadString();
            }

            return values;
        }

        public string? ReadNullableString()
        {
            if (_data[_position] == '~')
            {
                _position++;
                return null;
            }

            return ReadString();
        }

        [global::System.Runtime.CompilerServices.MethodImpl(Optimized)]
        private int ReadLength()
        {
            var length = 0;
            char digit;
            while ((digit = _data[_position++]) != ':')
            {
                length = (length * 10) + (digit - '0');
            }

            return length;
        }
    }

    /// <summary>The values of a header record in order (the generator's RecordEncoder writes them so): an article finds one by skipping those before it.</summary>
    internal static class HeaderFields
    {
        public const int Id = 0;
        public const int SeedPath = 1;
        public const int Title = 2;
        public const int RawTitle = 3;
        public const int Column = 4;
        public const int Url = 5;
        public const int Outlet = 6;
        public const int Language = 7;
        public const int Author = 8;
        public const int Credit = 9;
        public const int FeedPublishedAt = 10;
        public const int PublishedAt = 11;
        public const int PublishedAtPrecision = 13;
        public const int CharacterCount = 14;
        public const int ReadingTime = 15;
    }
}
