/// <summary>
/// The one finder and reader of the generated data: the <c>const string</c> fields of a data class's non-public nested
/// classes (the store's chunks, the search index's segments). Reflection finds the classes and their fields; a constant
/// is read where it lies in the loaded assembly once that is worth it: on .NET 5+ in a project that allows unsafe code
/// (the generator then defines CORPUS_IN_PLACE), the metadata tables give each constant's characters in the mapped image,
/// and a value costs one copy, out of the image into its string. Opening the metadata (loading
/// System.Reflection.Metadata, about 5 ms) waits until reflection has copied <see cref="CopiesBeforeInPlace"/>
/// characters: listing, a first value and a few groups read by reflection, which copies a constant whole through
/// <c>GetRawConstantValue</c> (values are cut out of that copy). Where reading in place cannot be (netstandard2.0, no
/// unsafe code, NativeAOT, whose <c>TryGetRawMetadata</c> finds no metadata), every read is by reflection. Why constants
/// and not UTF-8 literals: Corpus.Generator's docs/architecture.md, Storage.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class CompiledConstants
{
    /// <summary>
    /// The characters reflection copies before the metadata is opened (2 MB, about 64 groups of the store): a first use
    /// and a few values do not pay for loading System.Reflection.Metadata, a program that reads on pays it once.
    /// </summary>
    internal const int CopiesBeforeInPlace = 1 << 20;

    /// <summary>
    /// The runtime configuration switch that opens the metadata on the first read instead (a program that reads every
    /// value from its start, or a test of reading in place): <c>"configProperties": { "Corpus.ReadInPlaceAtOnce": true }</c>.
    /// </summary>
    internal const string ReadInPlaceAtOnce = "Corpus.ReadInPlaceAtOnce";

#if NET5_0_OR_GREATER
    [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
    private readonly global::System.Type _dataClass;
    private global::System.Collections.Generic.Dictionary<string, global::System.Type>? _nestedTypes;
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
    private readonly int _copiesBeforeInPlace;
    private int _copied;

    // Null until opened; the reader, or a sentinel when the constants cannot be read in place.
    private object? _metadata;
    private static readonly object NoMetadata = new object();
#endif

    /// <param name="dataClass">The class whose non-public nested classes hold the constants.</param>
    /// <param name="inPlace">False reads by reflection even where the constants could be read in place (tests compare the two).</param>
    /// <param name="copiesBeforeInPlace">
    /// The characters copied by reflection before the metadata is opened; by default <see cref="CopiesBeforeInPlace"/>,
    /// or 0 (at once) with the <see cref="ReadInPlaceAtOnce"/> switch.
    /// </param>
    public CompiledConstants(
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
        global::System.Type dataClass,
        bool inPlace = true,
        int? copiesBeforeInPlace = null)
    {
        _dataClass = dataClass;
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
        _copiesBeforeInPlace = copiesBeforeInPlace ?? (global::System.AppContext.TryGetSwitch(ReadInPlaceAtOnce, out var atOnce) && atOnce ? 0 : CopiesBeforeInPlace);
        _metadata = inPlace ? null : NoMetadata;
#endif
    }

    /// <summary>The data class's full name and its assembly's, for messages.</summary>
    public string DataClassName => _dataClass.FullName + " (" + _dataClass.Assembly.GetName().Name + ")";

    /// <summary>Whether the constants are read in place now (false: by reflection, until the metadata is opened or for good).</summary>
    public bool ReadsInPlace
    {
        get
        {
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
            return global::System.Threading.Volatile.Read(ref _metadata) is global::System.Reflection.Metadata.MetadataReader;
#else
            return false;
#endif
        }
    }

    /// <summary>The constants of the nested class <paramref name="nestedClass"/>; null when there is no such class.</summary>
    public Constant[]? Of(string nestedClass) => NestedTypes().TryGetValue(nestedClass, out var type) ? Of(type) : null;

    /// <summary>The constants of <paramref name="type"/>, a nested class of the data class (listed, or found by the generated code).</summary>
    /// <remarks>The trimmer keeps the nested classes whole: the data class is annotated for its non-public nested types.</remarks>
#if NET5_0_OR_GREATER
    [global::System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The nested classes are the non-public nested types of the data class, which the store and the search index annotate with DynamicallyAccessedMembers(NonPublicNestedTypes): the trimmer keeps them with all their members.")]
#endif
    public Constant[] Of(global::System.Type type)
    {
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
        // Once the metadata is open, a class's constants are found in it: GetFields costs more (about 0.1 ms a class).
        var metadata = global::System.Threading.Volatile.Read(ref _metadata);
        if (metadata is not null && metadata != NoMetadata)
        {
            return InPlace.Of(metadata, type);
        }
#endif
        var fields = type.GetFields(global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Static);
        var constants = new Constant[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            constants[i] = new Constant(fields[i].Name, fields[i], this);
        }

        return constants;
    }

    /// <summary>
    /// Reads in place from the next read on, wherever that can be, without waiting for the budget of copies: for the
    /// search index, whose first query reads every segment's directory whole (a few hundred thousand characters each
    /// at 100,000 articles), more than opening the metadata costs.
    /// </summary>
    public void PreferInPlace()
    {
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
        global::System.Threading.Interlocked.Exchange(ref _copied, _copiesBeforeInPlace);
#endif
    }

    /// <summary>Whether the data class has the nested class <paramref name="nestedClass"/>, without reading its constants.</summary>
    public bool Has(string nestedClass) => NestedTypes().ContainsKey(nestedClass);

    // The nested classes by name, with one reflection call (cheaper at first use than opening the metadata).
    private global::System.Collections.Generic.Dictionary<string, global::System.Type> NestedTypes()
    {
        var types = global::System.Threading.Volatile.Read(ref _nestedTypes);
        if (types is null)
        {
            types = new global::System.Collections.Generic.Dictionary<string, global::System.Type>(global::System.StringComparer.Ordinal);
            foreach (var type in _dataClass.GetNestedTypes(global::System.Reflection.BindingFlags.NonPublic))
            {
                types[type.Name] = type;
            }

            global::System.Threading.Volatile.Write(ref _nestedTypes, types);
        }

        return types;
    }

#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
    /// <summary>
    /// The assembly's metadata, as it is mapped in memory, and the place of a constant in it. Only non-generic reader
    /// calls: a generic instantiation over a struct would be compiled by the JIT on first use (docs/performance.md, issue 22).
    /// The reader is passed as an object, so that no caller's code names a type of System.Reflection.Metadata.
    /// </summary>
    private static unsafe class InPlace
    {
        public static object? Open(global::System.Reflection.Assembly assembly)
        {
            // Big-endian machines would need the UTF-16 of the blobs swapped, and the image of a collectible assembly can
            // go while its articles live on (they hold no reference to it): those read by reflection.
            if (!global::System.BitConverter.IsLittleEndian
                || assembly.IsCollectible
                || !global::System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(assembly, out var blob, out var length))
            {
                return null;
            }

            return new global::System.Reflection.Metadata.MetadataReader(blob, length);
        }

        /// <summary>The constants of a class, in declaration order, each where it lies in the image (not a string: empty).</summary>
        public static Constant[] Of(object reader, global::System.Type type)
        {
            var metadata = (global::System.Reflection.Metadata.MetadataReader)reader;
            var definition = (global::System.Reflection.Metadata.TypeDefinitionHandle)global::System.Reflection.Metadata.Ecma335.MetadataTokens.EntityHandle(type.MetadataToken);
            var fields = metadata.GetTypeDefinition(definition).GetFields();
            var constants = new Constant[fields.Count];
            var count = 0;
            foreach (var handle in fields)
            {
                var field = metadata.GetFieldDefinition(handle);
                var value = field.GetDefaultValue();
                if (value.IsNil)
                {
                    continue;
                }

                var constant = metadata.GetConstant(value);
                var chars = metadata.GetBlobReader(constant.Value);
                constants[count++] = new Constant(
                    metadata.GetString(field.Name),
                    constant.TypeCode == global::System.Reflection.Metadata.ConstantTypeCode.String ? new Chars((char*)chars.StartPointer, chars.Length / 2) : default);
            }

            if (count < constants.Length)
            {
                global::System.Array.Resize(ref constants, count);
            }

            return constants;
        }

        /// <summary>Where a string constant's UTF-16 lies in the image; false when the field has no string constant.</summary>
        public static bool Find(object reader, global::System.Reflection.FieldInfo field, out global::System.IntPtr start, out int length)
        {
            var metadata = (global::System.Reflection.Metadata.MetadataReader)reader;
            var value = metadata.GetFieldDefinition(global::System.Reflection.Metadata.Ecma335.MetadataTokens.FieldDefinitionHandle(field.MetadataToken)).GetDefaultValue();
            if (!value.IsNil)
            {
                var constant = metadata.GetConstant(value);
                if (constant.TypeCode == global::System.Reflection.Metadata.ConstantTypeCode.String)
                {
                    var chars = metadata.GetBlobReader(constant.Value);
                    start = (global::System.IntPtr)chars.StartPointer;
                    length = chars.Length / 2;
                    return true;
                }
            }

            start = global::System.IntPtr.Zero;
            length = 0;
            return false;
        }
    }
#endif

    /// <summary>One constant: its name, and where its characters are.</summary>
    internal sealed class Constant
    {
        private readonly global::System.Reflection.FieldInfo? _field;
        private readonly Chars _chars;
        private string? _kept;
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
        private readonly CompiledConstants? _owner;

        // Where the characters lie in the image, once found; the length is written before the pointer is published.
        private global::System.IntPtr _image;
        private int _length;
#endif

        public Constant(string name, global::System.Reflection.FieldInfo field, CompiledConstants? owner = null)
        {
            Name = name;
            _field = field;
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
            _owner = owner;
#endif
        }

        public Constant(string name, Chars chars)
        {
            Name = name;
            _chars = chars;
        }

        // A field, not a property: a getter would be one more method for the JIT while listing.
        public readonly string Name;

        /// <summary>
        /// The constant's characters: where they lie in the image, or (by reflection) copied out of the metadata at each
        /// call, which the caller keeps as long as it needs them: a body group's copy goes once its bodies are cut.
        /// </summary>
        public Chars Read()
        {
            if (_field is null)
            {
                return _chars;
            }

#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
            if (InImage(out var image))
            {
                return image;
            }
#endif
            return new Chars(Copy());
        }

        /// <summary>
        /// The constant's characters, for a constant read over and over (a header group its articles read from on first use
        /// of each value): by reflection the copy is made once and kept with the constant.
        /// </summary>
        public Chars Keep()
        {
            var kept = global::System.Threading.Volatile.Read(ref _kept);
            if (_field is null || kept is not null)
            {
                return kept is null ? _chars : new Chars(kept);
            }

#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
            if (InImage(out var image))
            {
                return image;
            }
#endif
            return new Chars(global::System.Threading.Interlocked.CompareExchange(ref _kept, Copy(), null) ?? _kept!);
        }

        // The whole constant copied out of the metadata by reflection, counted against the owner's budget.
        private string Copy()
        {
            var copy = _field!.GetRawConstantValue() as string ?? string.Empty;
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
            var owner = _owner;
            if (owner is not null && global::System.Threading.Volatile.Read(ref owner._metadata) is null)
            {
                global::System.Threading.Interlocked.Add(ref owner._copied, global::System.Math.Min(copy.Length, owner._copiesBeforeInPlace));
            }
#endif
            return copy;
        }

#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
        /// <summary>
        /// The characters in the image, once the owner's copies by reflection reach its budget and its metadata could be
        /// opened (found on this constant's first read in place); else false. No System.Reflection.Metadata type in this
        /// method: compiling it, on the way to a first value, loads nothing of that library; opening the metadata does.
        /// </summary>
        private unsafe bool InImage(out Chars chars)
        {
            var image = global::System.Threading.Volatile.Read(ref _image);
            if (image == global::System.IntPtr.Zero)
            {
                var owner = _owner;
                var metadata = owner is null ? NoMetadata : global::System.Threading.Volatile.Read(ref owner._metadata);
                if (metadata is null && global::System.Threading.Volatile.Read(ref owner!._copied) >= owner._copiesBeforeInPlace)
                {
                    // Two threads may open it at once: the first one stored is kept.
                    var opened = InPlace.Open(owner._dataClass.Assembly) ?? NoMetadata;
                    metadata = global::System.Threading.Interlocked.CompareExchange(ref owner._metadata, opened, null) ?? opened;
                }

                if (metadata is null || metadata == NoMetadata || !InPlace.Find(metadata, _field!, out image, out var length))
                {
                    chars = default;
                    return false;
                }

                _length = length;
                global::System.Threading.Volatile.Write(ref _image, image);
            }

            chars = new Chars((char*)image, _length);
            return true;
        }
#endif
    }

    /// <summary>
    /// The characters of a constant: a string (read by reflection) or, with CORPUS_IN_PLACE, a place in the loaded image
    /// that lives as long as the assembly. <see cref="Cut"/> is the one copy a value costs.
    /// </summary>
    internal readonly struct Chars
    {
        private readonly string? _copy;
        private readonly global::System.IntPtr _image;

        public Chars(string copy)
        {
            _copy = copy;
            _image = global::System.IntPtr.Zero;
            Length = copy.Length;
        }

    #if NET5_0_OR_GREATER && CORPUS_IN_PLACE
        public unsafe Chars(char* image, int length)
        {
            _copy = null;
            _image = (global::System.IntPtr)image;
            Length = length;
        }
    #endif

        // A field, not a property: a getter would be one more method for the JIT while listing.
        public readonly int Length;

        public char this[int index]
        {
            [global::System.Runtime.CompilerServices.MethodImpl(ArticleStore.RecordReader.Optimized)]
            get
            {
    #if NET5_0_OR_GREATER && CORPUS_IN_PLACE
                if (_copy is null)
                {
                    if ((uint)index >= (uint)Length)
                    {
                        throw new global::System.IndexOutOfRangeException();
                    }

                    unsafe
                    {
                        return ((char*)_image)[index];
                    }
                }
    #endif
                return _copy![index];
            }
        }

        /// <summary>The characters from <paramref name="start"/>, <paramref name="length"/> of them, as a new string.</summary>
        /// <remarks>Not compiled optimized at once: its work is the string's copy, and a first text waits for its JIT.</remarks>
        public string Cut(int start, int length)
        {
            if (length == 0)
            {
                return string.Empty;
            }

    #if NET5_0_OR_GREATER && CORPUS_IN_PLACE
            if (_copy is null)
            {
                if (start < 0 || length < 0 || start > Length - length)
                {
                    throw new global::System.ArgumentOutOfRangeException(nameof(start));
                }

                unsafe
                {
                    return new string((char*)_image, start, length);
                }
            }
    #endif
            return _copy!.Substring(start, length);
        }

        /// <summary>All the characters as one string: the string itself when they were copied already.</summary>
        public override string ToString() => _copy ?? Cut(0, Length);

        /// <summary>How often <paramref name="run"/> starts from <paramref name="start"/> on, ending by <paramref name="end"/>: overlapping occurrences each counted (as a search's tokens count them).</summary>
        public int Count(string run, int start, int end)
        {
            var count = 0;
            for (var at = IndexOf(run, start, end); at >= 0; at = IndexOf(run, at + 1, end))
            {
                count++;
            }

            return count;
        }

        /// <summary>Where <paramref name="value"/> first starts from <paramref name="start"/> on, ending by <paramref name="end"/> (ordinal); -1 when nowhere.</summary>
        public int IndexOf(string value, int start, int end)
        {
            if (start < 0 || end > Length || end - start < value.Length)
            {
                return -1;
            }

    #if NET5_0_OR_GREATER && CORPUS_IN_PLACE
            if (_copy is null)
            {
                unsafe
                {
                    var at = global::System.MemoryExtensions.IndexOf(new global::System.ReadOnlySpan<char>((char*)_image + start, end - start), global::System.MemoryExtensions.AsSpan(value));
                    return at < 0 ? -1 : start + at;
                }
            }
    #endif
            return _copy!.IndexOf(value, start, end - start, global::System.StringComparison.Ordinal);
        }
    }
}
