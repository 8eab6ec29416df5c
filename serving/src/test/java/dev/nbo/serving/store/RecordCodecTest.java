package dev.nbo.serving.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.aggregate.StateRow;
import dev.nbo.models.online.CustomerRecord;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    @Test
    void aRecordOfAnotherFormatIsRefusedWithWhatToDo() {
        byte[] bytes = RecordCodec.encodeCustomer("c1", OnlineStoreContract.richRecord("c1"));
        bytes[0] = 9;

        assertThatThrownBy(() -> RecordCodec.decodeCustomer("c1", bytes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format 9")
                .hasMessageContaining("Reload the store");
    }

    @Test
    void aTruncatedRecordIsReportedAsCorrupt() {
        byte[] bytes = RecordCodec.encodeCustomer("c1", OnlineStoreContract.richRecord("c1"));

        assertThatThrownBy(() -> RecordCodec.decodeCustomer("c1", java.util.Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("corrupt store record");
    }

    @Test
    void aLastValueOfAnUnsupportedTypeIsRefusedNamingTheFeature() {
        CustomerRecord record = new CustomerRecord(null, List.of(new StateRow(EntityKey.customer("c1"), "odd", 1, 1,
                0, 0.0, 0.0, 0.0, 1L, 1L, "k", new java.math.BigDecimal("1.5"), List.of())));

        assertThatThrownBy(() -> RecordCodec.encodeCustomer("c1", record))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd")
                .hasMessageContaining("java.math.BigDecimal");
    }

    @Test
    void stateOfAnotherCustomerIsRefused() {
        assertThatThrownBy(() -> RecordCodec.encodeCustomer("c2", OnlineStoreContract.richRecord("c1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c2");
    }

    @Test
    void theBytesOfFormat1AreUnchangedSoStoresWrittenByEarlierReleasesStillRead() throws Exception {
        // the SHA-256 of richRecord("c1") as the DataOutputStream-based codec of the first release wrote it
        byte[] bytes = RecordCodec.encodeCustomer("c1", OnlineStoreContract.richRecord("c1"));

        assertThat(bytes).hasSize(1027);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo("3b9e967194d0ffa41a6be345c09069056faf16c5e0b9dc50c17cd41f247ec4fc");
        assertThat(RecordCodec.decodeCustomer("c1", bytes)).isEqualTo(OnlineStoreContract.richRecord("c1"));
    }

    @Test
    void aCustomerRecordIsSmallerThanItsJsonLine() {
        // 10 rows and a profile: the snapshot's JSON line for the same data is well over 1 KB
        assertThat(RecordCodec.encodeCustomer("c1", OnlineStoreContract.richRecord("c1"))).hasSizeLessThan(1200);
    }
}
