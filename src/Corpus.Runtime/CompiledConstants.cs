/// <summary>
/// The one finder and reader of the generated data: the <c>const string</c> fields of a data class's non-public nested
/// classes (the store's chunks, the search index's segments). Where it can, a constant is read where it lies in the
/// loaded assembly: on .NET 5+ in a project that allows unsafe code (the generator then defines CORPUS_IN_PLACE), the
/// metadata tables give each constant's characters in the mapped image, and a value costs one copy, out of the image
/// into its string. Where it cannot (netstandard2.0, no unsafe code, NativeAOT, whose <c>TryGetRawMetadata</c> finds no
/// metadata), reflection finds the fields and <c>GetRawConstantValue</c> copies a constant whole; values are cut out of
/// that copy. Why constants and not UTF-8 literals: Corpus.Generator's docs/architecture.md, Storage.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class CompiledConstants
{
#if NET5_0_OR_GREATER
    [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
    private readonly global::System.Type _dataClass;
    private global::System.Collections.Generic.Dictionary<string, global::System.Type>? _nestedTypes;
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
    private readonly global::System.Reflection.Metadata.MetadataReader? _metadata;
    private global::System.Collections.Generic.Dictionary<string, InPlace.NestedType>? _nestedHandles;
#endif

    public CompiledConstants(
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
        global::System.Type dataClass)
        : this(dataClass, inPlace: true)
    {
    }

    /// <param name="dataClass">The class whose non-public nested classes hold the constants.</param>
    /// <param name="inPlace">False reads by reflection even where the constants could be read in place (tests compare the two).</param>
    internal CompiledConstants(
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
        global::System.Type dataClass,
        bool inPlace)
    {
        _dataClass = dataClass;
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
        _metadata = inPlace ? InPlace.Open(dataClass.Assembly) : null;
#endif
    }

    /// <summary>Whether the constants are read in place (false: by reflection).</summary>
    public bool ReadsInPlace
    {
        get
        {
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
            return _metadata is not null;
#else
            return false;
#endif
        }
    }

    /// <summary>The constants of the nested class <paramref name="nestedClass"/>, in declaration order; null when there is no such class.</summary>
    public Constant[]? Of(string nestedClass)
    {
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
        if (_metadata is not null)
        {
            return InPlace.Of(_metadata, NestedHandles(), nestedClass);
        }
#endif
        return NestedTypes().TryGetValue(nestedClass, out var type) ? ByReflection(type) : null;
    }

    /// <summary>Whether the data class has the nested class <paramref name="nestedClass"/>, without reading its constants.</summary>
    public bool Has(string nestedClass)
    {
#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
        if (_metadata is not null)
        {
            return NestedHandles().ContainsKey(nestedClass);
        }
#endif
        return NestedTypes().ContainsKey(nestedClass);
    }

    // The nested classes by name, with one reflection call.
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

    // The trimmer keeps the nested classes whole: the data class is annotated for its non-public nested types.
#if NET5_0_OR_GREATER
    [global::System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The nested classes are the non-public nested types of the data class, which the store and the search index annotate with DynamicallyAccessedMembers(NonPublicNestedTypes): the trimmer keeps them with all their members.")]
#endif
    private static Constant[] ByReflection(global::System.Type type)
    {
        var fields = type.GetFields(global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Static);
        var constants = new Constant[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            constants[i] = new Constant(fields[i].Name, fields[i]);
        }

        return constants;
    }

#if NET5_0_OR_GREATER && CORPUS_IN_PLACE
    private global::System.Collections.Generic.Dictionary<string, InPlace.NestedType> NestedHandles()
    {
        var handles = global::System.Threading.Volatile.Read(ref _nestedHandles);
        if (handles is null)
        {
            handles = InPlace.NestedTypes(_metadata!, _dataClass);
            global::System.Threading.Volatile.Write(ref _nestedHandles, handles);
        }

        return handles;
    }

    /// <summary>
    /// The constants found through the assembly's metadata, as it is mapped in memory. Only non-generic reader calls and
    /// collections of classes: a generic instantiation over a struct would be compiled by the JIT on first use, which
    /// costs more than the reading (docs/performance.md, issue 22).
    /// </summary>
    private static unsafe class InPlace
    {
        public static global::System.Reflection.Metadata.MetadataReader? Open(global::System.Reflection.Assembly assembly)
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

        /// <summary>The data class's nested classes by name: the type definitions whose declaring type it is.</summary>
        public static global::System.Collections.Generic.Dictionary<string, NestedType> NestedTypes(
            global::System.Reflection.Metadata.MetadataReader metadata, global::System.Type dataClass)
        {
            var declaring = (global::System.Reflection.Metadata.TypeDefinitionHandle)global::System.Reflection.Metadata.Ecma335.MetadataTokens.EntityHandle(dataClass.MetadataToken);
            var types = new global::System.Collections.Generic.Dictionary<string, NestedType>(global::System.StringComparer.Ordinal);
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                if (type.GetDeclaringType() == declaring)
                {
                    types[metadata.GetString(type.Name)] = new NestedType(handle);
                }
            }

            return types;
        }

        public static Constant[]? Of(
            global::System.Reflection.Metadata.MetadataReader metadata,
            global::System.Collections.Generic.Dictionary<string, NestedType> types,
            string nestedClass)
        {
            if (!types.TryGetValue(nestedClass, out var type))
            {
                return null;
            }

            var fields = metadata.GetTypeDefinition(type.Handle).GetFields();
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

        /// <summary>A nested class's handle, boxed once: a dictionary of classes needs no code of its own from the JIT.</summary>
        internal sealed class NestedType
        {
            public NestedType(global::System.Reflection.Metadata.TypeDefinitionHandle handle) => Handle = handle;

            public global::System.Reflection.Metadata.TypeDefinitionHandle Handle { get; }
        }
    }
#endif

    /// <summary>One constant: its name, and where its characters are.</summary>
    internal sealed class Constant
    {
        private readonly global::System.Reflection.FieldInfo? _field;
        private readonly Chars _chars;
        private string? _kept;

        public Constant(string name, global::System.Reflection.FieldInfo field)
        {
            Name = name;
            _field = field;
        }

        public Constant(string name, Chars chars)
        {
            Name = name;
            _chars = chars;
        }

        public string Name { get; }

        /// <summary>
        /// The constant's characters: where they lie in the image, or (by reflection) copied out of the metadata at each
        /// call, which the caller keeps as long as it needs them: a body group's copy goes once its bodies are cut.
        /// </summary>
        public Chars Read() => _field is null ? _chars : new Chars(_field.GetRawConstantValue() as string ?? string.Empty);

        /// <summary>
        /// The constant's characters, for a constant read over and over (a header group its articles read from on first use
        /// of each value): by reflection the copy is made once and kept with the constant.
        /// </summary>
        public Chars Keep() => _field is null ? _chars : new Chars(_kept ??= _field.GetRawConstantValue() as string ?? string.Empty);
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

        public int Length { get; }

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
    }
}
